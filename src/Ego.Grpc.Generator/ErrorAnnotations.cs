using System.Text.RegularExpressions;

namespace Ego.Grpc.Generator;

/// <summary>
/// What the leading comment of an error enum value says, in Go EGO's protoc-gen-go-errors convention: a line
/// <c>@code=NOT_FOUND</c>, lines <c>@i18n.cn="用户不存在"</c>, an optional <c>@bizCode=digits</c> (ours; EGO ignores it), and the
/// remaining lines as the message. <c>Code</c> is null when there is no <c>@code</c> line, and as written (possibly invalid,
/// reported) otherwise; <c>BusinessCode</c> holds the digits as written, resolved against the enum's <c>@bizModule</c> later.
/// </summary>
internal sealed partial record ErrorAnnotations(string? Code, IReadOnlyList<KeyValuePair<string, string>> Translations, string Message, string? BusinessCode = null)
{
    /// <summary>Parses <paramref name="comment"/>; each problem is added to <paramref name="errors"/> (all of them, not only the first).</summary>
    public static ErrorAnnotations Parse(string? comment, List<string> errors)
    {
        string? code = null;
        string? businessCode = null;
        var translations = new List<KeyValuePair<string, string>>();
        var message = new List<string>();
        foreach (var raw in (comment ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (Starts(line, "@code"))
            {
                code = ParseCode(line, code, errors);
            }
            else if (Starts(line, "@bizCode"))
            {
                businessCode = ParseBusinessCode(line, businessCode, errors);
            }
            else if (Starts(line, "@i18n"))
            {
                ParseTranslation(line, translations, errors);
            }
            else if (!OtherAnnotation().IsMatch(line) && line.Length > 0)
            {
                message.Add(line);
            }
        }

        return new ErrorAnnotations(code, translations, string.Join(' ', message), businessCode);
    }

    private static string? ParseBusinessCode(string line, string? previous, List<string> errors)
    {
        var match = BusinessCodeLine().Match(line);
        if (!match.Success)
        {
            errors.Add($"malformed annotation '{line}'; expected '@bizCode=<digits>': the 4-digit error part under an enum's @bizModule, or a full 10-digit code such as 1010010001");
        }
        else if (previous is not null)
        {
            errors.Add($"@bizCode is given twice ('{previous}' and '{match.Groups[1].Value}'); expected one @bizCode line per value");
        }
        else
        {
            return match.Groups[1].Value;
        }

        return previous;
    }

    // "@code=", "@code = X" and "@code" are (possibly malformed) code annotations; "@codes" is text.
    private static bool Starts(string line, string keyword)
        => line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || !(char.IsLetterOrDigit(line[keyword.Length]) || line[keyword.Length] == '_'));

    private static string? ParseCode(string line, string? previous, List<string> errors)
    {
        var match = CodeLine().Match(line);
        if (!match.Success)
        {
            errors.Add($"malformed annotation '{line}'; expected '@code=<NAME>' with one of: {StatusCodeNames.ValidNames}");
            return previous ?? "";
        }

        var name = match.Groups[1].Value;
        if (previous is not null)
        {
            errors.Add($"@code is given twice ('{previous}' and '{name}'); expected one @code line per value");
        }
        else if (!StatusCodeNames.TryGetMember(name, out _))
        {
            errors.Add($"unknown gRPC code '@code={name}'; expected one of: {StatusCodeNames.ValidNames}");
        }

        return previous ?? name;
    }

    private static void ParseTranslation(string line, List<KeyValuePair<string, string>> translations, List<string> errors)
    {
        var match = I18nLine().Match(line);
        if (!match.Success)
        {
            errors.Add($"malformed annotation '{line}'; expected '@i18n.<language>=\"text\"', e.g. @i18n.en=\"user not found\"");
            return;
        }

        var language = match.Groups["lang"].Value;
        if (translations.Any(t => string.Equals(t.Key, language, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"@i18n.{language} is given twice; expected one translation per language");
            return;
        }

        var text = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
        translations.Add(new(language, text));
    }

    [GeneratedRegex(@"^@bizCode=([0-9]{1,10})$")]
    private static partial Regex BusinessCodeLine();

    [GeneratedRegex(@"^@code=([A-Za-z0-9_]+)$")]
    private static partial Regex CodeLine();

    // EGO takes "(.+)" between the quotes verbatim, or an unquoted word of letters, digits, '_', '-' and ','.
    [GeneratedRegex(@"^@i18n\.(?<lang>[A-Za-z][A-Za-z0-9_-]*)=(?:""(?<quoted>.+)""|(?<bare>[A-Za-z0-9_,-]+))$")]
    private static partial Regex I18nLine();

    // Annotations of other plugins (e.g. @validate=...) are not part of the message; EGO ignores them too.
    [GeneratedRegex(@"^@[\w.]+=")]
    private static partial Regex OtherAnnotation();
}
