using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ego.Observability.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Logging.Internal;

/// <summary>Writes the state, scope, trace and error fields shared by the JSON and console line formats.</summary>
internal static class FieldsWriter
{
    private const string OriginalFormat = "{OriginalFormat}";

    private static readonly JsonEncodedText Tid = FormatScratch.Encode(EgoLogField.Tid);

    public static void WriteState<TState>(FormatScratch s, ref TState state)
    {
        if (typeof(TState) == typeof(AccessLogState))
        {
            Unsafe.As<TState, AccessLogState>(ref state).WriteFields(s);
        }
        else if (typeof(TState) == typeof(LogFields))
        {
            var fields = Unsafe.As<TState, LogFields>(ref state);
            for (var i = 0; i < fields.Count; i++)
            {
                Write(s, fields[i]);
            }
        }
        else if (state is IReadOnlyList<KeyValuePair<string, object?>> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Write(s, list[i]);
            }
        }
    }

    public static void WriteScopes(FormatScratch s, IExternalScopeProvider? scopes)
    {
        if (scopes is null)
        {
            return;
        }

        scopes.ForEachScope(static (scope, sc) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    Write(sc, pair);
                }
            }
            else if (scope is not null)
            {
                sc.LooseScopes++;
            }
        }, s);

        if (s.LooseScopes == 0)
        {
            return;
        }

        // Scopes that are plain values (not key/value pairs) are kept, in order, under one array.
        s.Json.WriteStartArray("scope");
        scopes.ForEachScope(static (scope, sc) =>
        {
            if (scope is not null and not IEnumerable<KeyValuePair<string, object?>>)
            {
                sc.Json.WriteStringValue(scope.ToString());
            }
        }, s);
        s.Json.WriteEndArray();
        s.FieldCount++;
    }

    /// <summary>Writes <c>tid</c> from the current Activity unless a field already carried one.</summary>
    public static void WriteTid(FormatScratch s)
    {
        var activity = Activity.Current;
        if (s.SawTid || activity is null || activity.TraceId == default)
        {
            return;
        }

        WriteTid(s, activity.TraceId);
    }

    /// <summary>Writes <c>tid</c> with <paramref name="traceId"/>.</summary>
    public static void WriteTid(FormatScratch s, ActivityTraceId traceId)
    {
        // The id's own hex text: it is kept as text, so converting through its bytes would parse it first.
        s.Json.WriteString(Tid, traceId.ToHexString());
        s.SawTid = true;
        s.FieldCount++;
    }

    /// <summary>Writes the exception as zap writes a Go error: <c>error</c> (short) and <c>errorVerbose</c> (with stack).</summary>
    public static void WriteError(FormatScratch s, Exception? exception, bool verbose)
    {
        if (exception is null)
        {
            return;
        }

        if (!s.SawError)
        {
            s.Json.WriteString(EgoLogField.Error, exception.GetType().FullName + ": " + exception.Message);
            s.FieldCount++;
        }

        if (verbose)
        {
            s.Json.WriteString("errorVerbose", exception.ToString());
            s.FieldCount++;
        }
    }

    private static void Write(FormatScratch s, KeyValuePair<string, object?> pair)
    {
        var key = pair.Key;
        if (key == OriginalFormat || string.IsNullOrEmpty(key))
        {
            return;
        }

        s.SawTid |= key == EgoLogField.Tid;
        s.SawError |= key == EgoLogField.Error;
        FieldValueWriter.Write(s.Json, key, pair.Value);
        s.FieldCount++;
    }
}
