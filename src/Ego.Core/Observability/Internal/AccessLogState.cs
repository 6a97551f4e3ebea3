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
    private static readonly JsonEncodedText Comp = FormatScratch.Encode(EgoLogField.Comp);
    private static readonly JsonEncodedText CompName = FormatScratch.Encode(EgoLogField.CompName);
    private static readonly JsonEncodedText Addr = FormatScratch.Encode(EgoLogField.Addr);
    private static readonly JsonEncodedText Method = FormatScratch.Encode(EgoLogField.Method);
    private static readonly JsonEncodedText Cost = FormatScratch.Encode(EgoLogField.Cost);
    private static readonly JsonEncodedText Code = FormatScratch.Encode(EgoLogField.Code);
    private static readonly JsonEncodedText UniformCode = FormatScratch.Encode(EgoLogField.UniformCode);
    private static readonly JsonEncodedText Event = FormatScratch.Encode(EgoLogField.Event);
    private static readonly JsonEncodedText PeerIp = FormatScratch.Encode(EgoLogField.PeerIp);
    private static readonly JsonEncodedText PeerName = FormatScratch.Encode(EgoLogField.PeerName);
    private static readonly JsonEncodedText Type = FormatScratch.Encode("type");
    private static readonly JsonEncodedText Recover = FormatScratch.Encode("recover");
    private static readonly JsonEncodedText Error = FormatScratch.Encode(EgoLogField.Error);
    private static readonly JsonEncodedText NormalEvent = FormatScratch.Encode(AccessEvent.Normal);
    private static readonly JsonEncodedText SlowEvent = FormatScratch.Encode(AccessEvent.Slow);
    private static readonly JsonEncodedText ErrorEvent = FormatScratch.Encode(AccessEvent.Error);
    private static readonly JsonEncodedText PanicEvent = FormatScratch.Encode(AccessEvent.Panic);
    private static readonly JsonEncodedText Empty = FormatScratch.Encode("");

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
        // The component's own values and the events are written pre-encoded: they are the same on every line.
        json.WriteString(Comp, settings.ComponentJson);
        json.WriteString(CompName, settings.NameJson);
        if (record.Address is { } address)
        {
            json.WriteString(Addr, address);
        }
        else
        {
            json.WriteString(Addr, settings.AddressJson);
        }

        json.WriteString(Method, record.Method);
        WriteCost(json, record.Cost);
        json.WriteNumber(Code, record.Code);
        json.WriteNumber(UniformCode, record.UniformCode);
        WriteEvent(json, AccessLogger.EventOf(record, slow));
        json.WriteString(PeerIp, record.PeerIp ?? "");
        if (string.IsNullOrEmpty(record.PeerName))
        {
            json.WriteString(PeerName, Empty);
        }
        else
        {
            json.WriteString(PeerName, record.PeerName);
        }
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

    /// <summary>
    /// Milliseconds with three decimals, as <see cref="AccessLogger.CostMilliseconds"/>, written from whole microseconds:
    /// formatting a double costs more than the rest of the number fields together.
    /// </summary>
    private static void WriteCost(Utf8JsonWriter json, TimeSpan cost)
    {
        var micros = AccessLogger.CostMicroseconds(cost);
        Span<byte> text = stackalloc byte[24];
        micros.TryFormat(text, out var length, default, System.Globalization.CultureInfo.InvariantCulture);
        var fraction = micros % 1000;
        if (fraction != 0)
        {
            // "12346" becomes "12.346", "12340" "12.34", "5" "0.005".
            var digits = micros < 1000 ? 1 : length - 3;
            if (micros < 1000)
            {
                text[..length].CopyTo(text[(4 - length)..]);
                text[..(4 - length)].Fill((byte)'0');
                length = 4;
            }

            text[digits..length].CopyTo(text[(digits + 1)..]);
            text[digits] = (byte)'.';
            length++;
            while (text[length - 1] == (byte)'0')
            {
                length--;
            }
        }
        else
        {
            length -= Math.Min(3, length - 1);
        }

        json.WritePropertyName(Cost);
        json.WriteRawValue(text[..length], skipInputValidation: true);
    }

    private static void WriteEvent(Utf8JsonWriter json, string name)
    {
        switch (name)
        {
            case AccessEvent.Normal:
                json.WriteString(Event, NormalEvent);
                break;
            case AccessEvent.Slow:
                json.WriteString(Event, SlowEvent);
                break;
            case AccessEvent.Error:
                json.WriteString(Event, ErrorEvent);
                break;
            case AccessEvent.Panic:
                json.WriteString(Event, PanicEvent);
                break;
            default:
                json.WriteString(Event, name);
                break;
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Fields()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => AccessLogger.Message;

    private KeyValuePair<string, object?>[] Fields() => owner.Fields(record, slow);
}
