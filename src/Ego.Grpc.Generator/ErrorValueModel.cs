namespace Ego.Grpc.Generator;

/// <summary>One generated error: an enum value with its <c>@code</c>, reason, message, translations and optional business code; <c>Position</c> is <c>file:line:column</c>.</summary>
internal sealed record ErrorValueModel(
    string PropertyName,
    string CodeName,
    string CodeMember,
    string Reason,
    string Position,
    string Message,
    string? Comment,
    bool Deprecated,
    IReadOnlyList<KeyValuePair<string, string>> Translations,
    long? BusinessCode = null);
