using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ego.Cli.Gen;

/// <summary>
/// Files written by <c>egoctl gen</c> start with a header holding the hash of the rest of the file: while the hash
/// still matches, the file is gen's to rewrite; once someone edits it, gen never touches it again.
/// </summary>
internal static partial class GeneratedFile
{
    public static string WithHeader(string body)
        => $"// egoctl gen sha256={Hash(body)}: rewritten by egoctl gen while unchanged; once edited, it is yours and gen leaves it alone.\n{body}";

    /// <summary>True when <paramref name="text"/> is a generated file nobody has edited since.</summary>
    public static bool IsUnedited(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var match = Header().Match(newline < 0 ? text : text[..newline]);
        return match.Success && newline >= 0 && match.Groups[1].Value == Hash(text[(newline + 1)..]);
    }

    /// <summary>Writes <paramref name="body"/> to <paramref name="path"/> unless an edited file is there.</summary>
    public static async Task<GenOutcome> WriteAsync(string path, string body, CancellationToken cancellationToken)
    {
        var text = WithHeader(body);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            return GenOutcome.Created;
        }

        var existing = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        if (!IsUnedited(existing))
        {
            return GenOutcome.Kept;
        }

        if (existing.Replace("\r\n", "\n", StringComparison.Ordinal) == text)
        {
            return GenOutcome.Unchanged;
        }

        await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        return GenOutcome.Updated;
    }

    private static string Hash(string body)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16];

    [GeneratedRegex(@"^// egoctl gen sha256=([0-9a-f]{16})\b")]
    private static partial Regex Header();
}
