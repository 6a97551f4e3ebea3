using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using Ego.Logging;
using Ego.Logging.Internal;

namespace Ego.Observability.Internal;

/// <summary>
/// The state of one access line. The Ego logger asks it to write its fields straight into the line
/// (<see cref="WriteFields"/>: pre-encoded names, numbers unboxed, no field array); other logging providers read it as
/// the usual list of key/value pairs.
/// </summary>
internal readonly struct AccessLogState(AccessLogger owner, AccessRecord record, bool slow) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private static readonly JsonEncodedText Comp = JsonEncodedText.Encode(EgoLogField.Comp);
    private static readonly JsonEncodedText CompName = JsonEncodedText.Encode(EgoLogField.CompName);
    private static readonly JsonEncodedText Addr = JsonEncodedText.Encode(EgoLogField.Addr);
    private static readonly JsonEncodedText Method = JsonEncodedText.Encode(EgoLogField.Method);
    private static readonly JsonEncodedText Cost = JsonEncodedText.Encode(EgoLogField.Cost);
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode(EgoLogField.Code);
    private static readonly JsonEncodedText UniformCode = JsonEncodedText.Encode(EgoLogField.UniformCode);
    private static readonly JsonEncodedText Event = JsonEncodedText.Encode(EgoLogField.Event);
    private static readonly JsonEncodedText PeerIp = JsonEncodedText.Encode(EgoLogField.PeerIp);
    private static readonly JsonEncodedText PeerName = JsonEncodedText.Encode(EgoLogField.PeerName);
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Recover = JsonEncodedText.Encode("recover");
    private static readonly JsonEncodedText Error = JsonEncodedText.Encode(EgoLogField.Error);

    /// <summary>The formatter to pass to <c>ILogger.Log</c>.</summary>
    public static readonly Func<AccessLogState, Exception?, string> Format = static (_, _) => AccessLogger.Message;

    public bool SkipScopes => !owner.Settings.IncludeScopes;

    public int Count => Fields().Length;

    public KeyValuePair<string, object?> this[int index] => Fields()[index];

    /// <summary>Writes the line's fields as JSON members, in the order of <see cref="AccessLogger"/>'s field list.</summary>
    public void WriteFields(FormatScratch s)
    {
        var json = s.Json;
        var settings = owner.Settings;
        json.WriteString(Comp, settings.Component);
        json.WriteString(CompName, settings.Name);
        json.WriteString(Addr, record.Address ?? settings.Address);
        json.WriteString(Method, record.Method);
        json.WriteNumber(Cost, Math.Round(record.Cost.TotalMilliseconds, 3));
        json.WriteNumber(Code, record.Code);
        json.WriteNumber(UniformCode, record.UniformCode);
        json.WriteString(Event, AccessLogger.EventOf(record, slow));
        json.WriteString(PeerIp, record.PeerIp ?? "");
        json.WriteString(PeerName, record.PeerName ?? "");
        var count = 10;
        if (record.Panic is not null)
        {
            json.WriteString(Type, Recover);
            count++;
        }

        if (record.Failed)
        {
            json.WriteString(Error, record.Error ?? record.Panic!.Message);
            s.SawError = true;
            count++;
        }

        if (Activity.Current is { } activity && activity.TraceId != default)
        {
            FieldsWriter.WriteTid(s, activity.TraceId);
        }

        if (settings.Enabled && settings.EnableRequest)
        {
            json.WriteString(EgoLogField.Req, AccessLogger.Truncate(record.Request, settings.RequestMaxLength));
            count++;
        }

        if (settings.Enabled && settings.EnableResponse && !record.Failed)
        {
            json.WriteString(EgoLogField.Res, AccessLogger.Truncate(record.Response, settings.ResponseMaxLength));
            count++;
        }

        if (record.Extras is { } extras)
        {
            foreach (var pair in extras)
            {
                json.WriteString(pair.Key, pair.Value);
                count++;
            }
        }

        s.FieldCount += count;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Fields()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => AccessLogger.Message;

    private KeyValuePair<string, object?>[] Fields() => owner.Fields(record, slow);
}
