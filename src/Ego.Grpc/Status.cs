namespace Ego.Grpc;

/// <summary>The outcome of a call: a code, a human-readable detail and, locally only, the exception behind it.</summary>
public readonly struct Status : IEquatable<Status>
{
    /// <summary>The status of a successful call.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");

    /// <summary>The status of a cancelled call.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    public Status(StatusCode statusCode, string detail, Exception? debugException = null)
    {
        StatusCode = statusCode;
        Detail = detail ?? "";
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    /// <summary>The detail sent as <c>grpc-message</c>.</summary>
    public string Detail { get; }

    /// <summary>The local exception that caused the status; never sent over the wire.</summary>
    public Exception? DebugException { get; }

    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;

    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    public static bool operator ==(Status left, Status right) => left.Equals(right);

    public static bool operator !=(Status left, Status right) => !left.Equals(right);

    public override string ToString()
        => DebugException is null
            ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
            : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
}
