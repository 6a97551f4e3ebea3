using System.Globalization;
using System.Text;

namespace Ego.Observability.Internal;

/// <summary>
/// EGO's debug six-tuple as one coloured line:
/// <c>caller comp.name addr [cost ms] method | request => response-or-error</c>.
/// </summary>
internal static class DebugLine
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Blue = "\u001b[34m";
    private const string Reset = "\u001b[0m";

    public static string Format(AccessLogSettings settings, in AccessRecord record)
    {
        var failed = record.Failed;
        var nameColour = failed ? Red : Green;
        var builder = new StringBuilder(160);
        Append(builder, Green, record.Caller ?? "unknown");
        builder.Append(' ');
        Append(builder, nameColour, settings.Component + "." + settings.Name);
        builder.Append(' ');
        var address = record.Address ?? settings.Address;
        Append(builder, nameColour, address.Length > 0 ? address : "-");
        builder.Append(' ');
        Append(builder, Yellow, "[" + record.Cost.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms]");
        builder.Append(' ');
        Append(builder, Blue, record.Method + " | " + Text(record.Request));
        builder.Append(" => ");
        if (failed)
        {
            Append(builder, Red, record.Error ?? record.Panic?.Message ?? "");
        }
        else
        {
            Append(builder, Blue, Text(record.Response));
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string colour, string text) => builder.Append(colour).Append(text).Append(Reset);

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
