using System.Text;
using Ego.Components;

namespace Ego.FailFast;

/// <summary>Formats the fail-fast block that seed users know from EGO.</summary>
public static class FailFastReport
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";

    /// <summary>Renders <paramref name="exception"/> as the fail-fast block; stack traces only when <paramref name="debug"/> is on.</summary>
    public static string Format(Exception exception, bool colour, bool debug)
    {
        var startup = exception as EgoStartupException;
        var message = startup?.Message ?? "start failed";
        var error = startup?.Error ?? $"{exception.GetType().Name}: {exception.Message}";
        var location = startup?.Location ?? CallerLocation.Unknown;

        var text = new StringBuilder();
        text.Append(colour ? Red + "panic:" + Reset : "panic:").Append('\n');
        AppendField(text, "msg", message, colour);
        AppendField(text, "loc", location.ToString(), colour);
        AppendField(text, "error", error, colour);
        if (startup?.Key is { Length: > 0 } key)
        {
            AppendField(text, "key", key, colour);
        }

        if (startup?.Component is { Length: > 0 } component)
        {
            AppendField(text, "comp", component, colour);
        }

        var cause = startup is null ? exception.InnerException : startup.InnerException;
        if (cause is not null)
        {
            AppendField(text, "cause", $"{cause.GetType().Name}: {cause.Message}", colour);
        }

        if (debug)
        {
            text.Append("  stack:\n").Append(exception.ToString()).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string name, string value, bool colour)
    {
        text.Append("  ");
        text.Append(colour ? Yellow + name + Reset : name);
        text.Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
    }
}
