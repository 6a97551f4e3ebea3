using System.Text.Json;
using Ego.Hosting;
using Ego.Logging.Internal;

namespace Ego.Observability;

/// <summary>How one component (a server or a client) writes its access lines, debug lines and extra fields.</summary>
public sealed class AccessLogSettings
{
    /// <summary>Default longest <c>req</c>/<c>res</c> text, as EGO's 4 KiB.</summary>
    public const int DefaultMaxLength = 4096;

    // The three values every access line repeats, kept with their JSON form (encoded when set, not per line); each
    // pair is one object so a reader never sees a value with another's encoding.
    private EncodedValue component = EncodedValue.Empty;
    private EncodedValue name = EncodedValue.Empty;
    private EncodedValue address = EncodedValue.Empty;

    /// <summary>Component kind written as <c>comp</c>, e.g. <c>server.egrpc</c>.</summary>
    public required string Component { get => component.Text; init => component = new(value); }

    /// <summary>Config key of the instance, written as <c>compName</c>.</summary>
    public required string Name { get => name.Text; init => name = new(value); }

    /// <summary>The address served or called, written as <c>addr</c>.</summary>
    public string Address { get => Volatile.Read(ref address).Text; set => Volatile.Write(ref address, new(value)); }

    internal JsonEncodedText ComponentJson => component.Json;

    internal JsonEncodedText NameJson => name.Json;

    internal JsonEncodedText AddressJson => Volatile.Read(ref address).Json;

    /// <summary>Writes a line for every call; when off, only errors and slow calls are written.</summary>
    public bool Enabled { get; init; }

    /// <summary>Adds the request as <c>req</c>.</summary>
    public bool EnableRequest { get; init; }

    /// <summary>Adds the response as <c>res</c>.</summary>
    public bool EnableResponse { get; init; }

    /// <summary>Characters of <c>req</c> kept; longer text is cut and ends with <c>...</c>.</summary>
    public int RequestMaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Characters of <c>res</c> kept; longer text is cut and ends with <c>...</c>.</summary>
    public int ResponseMaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Calls longer than this are slow; zero or less never is.</summary>
    public TimeSpan SlowThreshold { get; init; }

    /// <summary>Prints the coloured one-line summary of every call (<c>EGO_DEBUG</c>).</summary>
    public bool Debug { get; init; }

    /// <summary>Metadata or header keys (lower case) written as fields and passed on to downstream calls (<c>EGO_LOG_EXTRA_KEYS</c>).</summary>
    public IReadOnlyList<string> ExtraKeys { get; init; } = [];

    /// <summary>
    /// Writes the logger's scopes into access lines. Clients keep them (a caller's scope says why a call was made);
    /// servers leave them out: the scopes there are the transport's (connection and request ids).
    /// </summary>
    public bool IncludeScopes { get; init; } = true;

    /// <summary>Where debug lines go; <c>null</c> for standard output.</summary>
    public TextWriter? DebugOutput { get; init; }

    /// <summary>
    /// The settings of one component from its section's access-log keys and the application's environment
    /// (<c>EGO_DEBUG</c>, <c>EGO_LOG_EXTRA_KEYS</c>).
    /// </summary>
    public static AccessLogSettings Create(string component, string name, string address, IAccessLogOptions options, EgoEnvironment? environment, TextWriter? debugOutput, bool includeScopes = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AccessLogSettings
        {
            Component = component,
            Name = name,
            Address = address,
            Enabled = options.EnableAccessInterceptor,
            EnableRequest = options.EnableAccessInterceptorReq,
            EnableResponse = options.EnableAccessInterceptorRes,
            RequestMaxLength = options.AccessInterceptorReqMaxLength,
            ResponseMaxLength = options.AccessInterceptorResMaxLength,
            SlowThreshold = options.SlowLogThreshold,
            Debug = environment?.Debug ?? false,
            ExtraKeys = LogExtraKeys.Normalize(environment?.LogExtraKeys ?? []),
            DebugOutput = debugOutput,
            IncludeScopes = includeScopes,
        };
    }

    private sealed class EncodedValue(string text)
    {
        public static readonly EncodedValue Empty = new("");

        public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));

        public JsonEncodedText Json { get; } = FormatScratch.Encode(text);
    }
}
