using System.Text.Json.Serialization;

namespace Ego.Http.Errors;

/// <summary>
/// The JSON an HTTP endpoint answers an error with: <c>{"code":5,"reason":"...","message":"...","metadata":{...}}</c>, plus
/// <c>"bizCode":1010010001</c> when the error has a business code.
/// </summary>
public sealed record HttpErrorBody(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string>? Metadata,
    [property: JsonPropertyName("bizCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BizCode = null);
