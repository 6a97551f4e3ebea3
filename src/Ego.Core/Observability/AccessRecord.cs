namespace Ego.Observability;

/// <summary>What one finished call contributes to its access line.</summary>
public readonly record struct AccessRecord
{
    /// <summary>gRPC full method (<c>/pkg.Service/Method</c>) or <c>GET./route</c>.</summary>
    public required string Method { get; init; }

    public required TimeSpan Cost { get; init; }

    /// <summary>The protocol's own code: the gRPC status code, or the HTTP status.</summary>
    public required int Code { get; init; }

    /// <summary>The HTTP-equivalent code (<c>ucode</c>), which decides the level.</summary>
    public required int UniformCode { get; init; }

    /// <summary>The error text; <c>null</c> for a successful call.</summary>
    public string? Error { get; init; }

    /// <summary>The unexpected exception of a handler, logged with its stack as the <c>panic</c> event.</summary>
    public Exception? Panic { get; init; }

    /// <summary>The address of this call when it differs per call (an HTTP client's host); <c>null</c> for the component's.</summary>
    public string? Address { get; init; }

    public string PeerIp { get; init; }

    /// <summary>The calling application's name (the <c>app</c> metadata or header).</summary>
    public string PeerName { get; init; }

    /// <summary>The request; formatted only when <c>req</c> or debug output is on.</summary>
    public object? Request { get; init; }

    public object? Response { get; init; }

    /// <summary>Values of the extra keys carried by the call.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Extras { get; init; }

    /// <summary><c>file:line</c> of the user code behind the call, for debug lines.</summary>
    public string? Caller { get; init; }

    /// <summary>The <c>event</c> of a refused call (<see cref="AccessEvent.Limited"/>, <see cref="AccessEvent.Shed"/>); <c>null</c> to derive it.</summary>
    public string? Event { get; init; }

    /// <summary>True when the call failed.</summary>
    public bool Failed => Error is not null || Panic is not null;
}
