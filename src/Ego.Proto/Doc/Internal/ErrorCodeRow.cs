namespace Ego.Proto.Doc.Internal;

/// <summary>One documented error: an error enum value with its reason, gRPC code (name and number, null when unknown), HTTP status and business code.</summary>
internal sealed record ErrorCodeRow(string Enum, string Value, string Reason, string? CodeName, int? Code, int? HttpStatus, long? BusinessCode, string Description);
