using System.Globalization;

namespace Ego.Observability.Internal;

/// <summary>HTTP status codes as label text, made once per code instead of once per request.</summary>
internal static class StatusTexts
{
    private static readonly string[] Texts = [.. Enumerable.Range(0, 600).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static string Of(int status) => (uint)status < (uint)Texts.Length ? Texts[status] : status.ToString(CultureInfo.InvariantCulture);
}
