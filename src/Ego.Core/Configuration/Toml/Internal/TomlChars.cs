using System.Buffers;

namespace Ego.Configuration.Toml.Internal;

/// <summary>Character classes of the TOML grammar, as vectorized search sets.</summary>
internal static class TomlChars
{
    private const string Controls =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    /// <summary>Ends a comment: a newline or any control character other than tab.</summary>
    public static readonly SearchValues<char> CommentStop = SearchValues.Create(Controls);

    /// <summary>Needs attention inside a basic string.</summary>
    public static readonly SearchValues<char> BasicStop = SearchValues.Create(Controls + "\"\\");

    /// <summary>Needs attention inside a literal string.</summary>
    public static readonly SearchValues<char> LiteralStop = SearchValues.Create(Controls + "'");

    public static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    public static bool IsControl(char c) => (c < ' ' && c != '\t') || c == '\u007F';
}
