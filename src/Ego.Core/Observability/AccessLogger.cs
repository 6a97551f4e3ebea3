using System.Diagnostics;
using System.Globalization;
using Ego.Logging;
using Ego.Observability.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Observability;

/// <summary>
/// Writes one component's access lines (message <c>access</c>) with EGO's fields and levels, and its debug lines.
/// Shared by the gRPC, HTTP and later components so they all log calls alike.
/// </summary>
public sealed class AccessLogger
{
    /// <summary>The message of every access line.</summary>
    public const string Message = "access";

    private readonly ILogger logger;

    public AccessLogger(ILogger logger, AccessLogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(settings);
        this.logger = logger;
        Settings = settings;
    }

    public AccessLogSettings Settings { get; }

    /// <summary>True when the request should be kept for the log (<c>req</c> or debug lines).</summary>
    public bool WantsRequest => Settings.Debug || (Settings.EnableRequest && Settings.Enabled);

    /// <summary>True when the response should be kept for the log (<c>res</c> or debug lines).</summary>
    public bool WantsResponse => Settings.Debug || (Settings.EnableResponse && Settings.Enabled);

    /// <summary>The user code on the current stack, in debug mode only (it walks the stack); otherwise <c>null</c>.</summary>
    public string? FindCaller() => Settings.Debug ? DebugCaller.FromStack() : null;

    /// <summary>The user frame <paramref name="exception"/> came from, in debug mode only.</summary>
    public string? FindCaller(Exception exception) => Settings.Debug ? DebugCaller.FromException(exception) : null;

    /// <summary>Where <paramref name="handler"/> is written (from its PDB), in debug mode only.</summary>
    public string? FindCaller(System.Reflection.MethodBase handler) => Settings.Debug ? SourceLocator.Find(handler) : null;

    /// <summary>True when <paramref name="cost"/> is over the slow threshold.</summary>
    public bool IsSlow(TimeSpan cost) => Settings.SlowThreshold > TimeSpan.Zero && cost > Settings.SlowThreshold;

    /// <summary>
    /// True when a finished call produces output: a debug line, or an access line at a level the logger writes.
    /// Lets callers skip gathering fields (peer address, error text) for calls nobody will see.
    /// </summary>
    public bool ShouldWrite(TimeSpan cost, int uniformCode, bool failed, bool panic)
    {
        if (Settings.Debug)
        {
            return true;
        }

        var slow = IsSlow(cost);
        if (!Settings.Enabled && !failed && !slow)
        {
            return false;
        }

        return logger.IsEnabled(panic ? LogLevel.Error : AccessLogLevel.For(uniformCode, failed, slow));
    }

    /// <summary>The event of a finished call: panic, error, slow or normal.</summary>
    public string EventOf(in AccessRecord record) => EventOf(record, IsSlow(record.Cost));

    internal static string EventOf(in AccessRecord record, bool slow) =>
        record.Event ?? (record.Panic is not null ? AccessEvent.Panic : record.Error is not null ? AccessEvent.Error : slow ? AccessEvent.Slow : AccessEvent.Normal);

    /// <summary>Writes the access line of a finished call (when due) and, in debug mode, its debug line.</summary>
    public void Write(in AccessRecord record)
    {
        if (Settings.Debug)
        {
            (Settings.DebugOutput ?? Console.Out).WriteLine(DebugLine.Format(Settings, record));
        }

        var slow = IsSlow(record.Cost);
        var failed = record.Failed;
        if (!Settings.Enabled && !failed && !slow)
        {
            return;
        }

        var level = record.Panic is not null ? LogLevel.Error : AccessLogLevel.For(record.UniformCode, failed, slow);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        logger.Log(level, default, new AccessLogState(this, record, slow), record.Panic, AccessLogState.Format);
    }

    /// <summary>The line's fields as key/value pairs, for logging providers other than Ego's.</summary>
    internal KeyValuePair<string, object?>[] Fields(in AccessRecord record, bool slow)
    {
        var extras = record.Extras ?? [];
        var activity = Activity.Current;
        var withTid = activity is not null && activity.TraceId != default;
        var withReq = Settings.Enabled && Settings.EnableRequest;
        var withRes = Settings.Enabled && Settings.EnableResponse && !record.Failed;
        var count = 10 + (record.Panic is not null ? 1 : 0) + (record.Failed ? 1 : 0) + (withTid ? 1 : 0) + (withReq ? 1 : 0) + (withRes ? 1 : 0) + extras.Count;
        var fields = new KeyValuePair<string, object?>[count];
        var i = 0;
        fields[i++] = new(EgoLogField.Comp, Settings.Component);
        fields[i++] = new(EgoLogField.CompName, Settings.Name);
        fields[i++] = new(EgoLogField.Addr, record.Address ?? Settings.Address);
        fields[i++] = new(EgoLogField.Method, record.Method);
        fields[i++] = new(EgoLogField.Cost, CostMilliseconds(record.Cost));
        fields[i++] = new(EgoLogField.Code, record.Code);
        fields[i++] = new(EgoLogField.UniformCode, record.UniformCode);
        fields[i++] = new(EgoLogField.Event, EventOf(record, slow));
        fields[i++] = new(EgoLogField.PeerIp, record.PeerIp ?? "");
        fields[i++] = new(EgoLogField.PeerName, record.PeerName ?? "");
        if (record.Panic is not null)
        {
            // EGO marks recovered panics with type "recover".
            fields[i++] = new("type", "recover");
        }

        if (record.Failed)
        {
            fields[i++] = new(EgoLogField.Error, record.Error ?? record.Panic!.Message);
        }

        if (withTid)
        {
            fields[i++] = new(EgoLogField.Tid, activity!.TraceId.ToHexString());
        }

        if (withReq)
        {
            fields[i++] = new(EgoLogField.Req, Truncate(record.Request, Settings.RequestMaxLength));
        }

        if (withRes)
        {
            fields[i++] = new(EgoLogField.Res, Truncate(record.Response, Settings.ResponseMaxLength));
        }

        foreach (var pair in extras)
        {
            fields[i++] = new(pair.Key, pair.Value);
        }

        return fields;
    }

    /// <summary>The <c>cost</c> field: milliseconds rounded to the microsecond.</summary>
    internal static double CostMilliseconds(TimeSpan cost) => CostMicroseconds(cost) / 1000.0;

    internal static long CostMicroseconds(TimeSpan cost) => (cost.Ticks + (TimeSpan.TicksPerMicrosecond / 2)) / TimeSpan.TicksPerMicrosecond;

    internal static string? Truncate(object? value, int max)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is not null && max > 0 && text.Length > max ? string.Concat(text.AsSpan(0, max), "...") : text;
    }
}
