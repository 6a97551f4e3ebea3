using Ego.Components;

namespace Ego.Http.Envelope;

/// <summary>
/// The response envelope, bound from <c>server.http.envelope</c>: success results become
/// <c>{"code":0,"message":"ok","data":...}</c> and errors <c>{"code":...,"message":...,"data":null,"reason":...,"metadata":...}</c>.
/// Off unless <see cref="Enabled"/>.
/// </summary>
public sealed class HttpEnvelopeOptions : IComponentOptions
{
    public const string DefaultKey = "server.http.envelope";

    /// <summary>The field <see cref="ErrorDetails"/> adds to error envelopes for the reason.</summary>
    public const string ReasonField = "reason";

    /// <summary>The field <see cref="ErrorDetails"/> adds to error envelopes for the metadata.</summary>
    public const string MetadataField = "metadata";

    public bool Enabled { get; set; }

    public string CodeField { get; set; } = "code";

    public string MessageField { get; set; } = "message";

    public string DataField { get; set; } = "data";

    /// <summary>The code of every successful response; 0 as go-zero and kratos clients expect.</summary>
    public long SuccessCode { get; set; }

    public string SuccessMessage { get; set; } = "ok";

    /// <summary>The code of an error without a business code: its HTTP status (default) or its gRPC code.</summary>
    public EnvelopeErrorCode ErrorCode { get; set; } = EnvelopeErrorCode.Http;

    /// <summary>Whether error envelopes also carry the error's <c>reason</c> and <c>metadata</c> (needed to get the registered error back on the client).</summary>
    public bool ErrorDetails { get; set; } = true;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        List<(string Key, string Name)> fields = [("codeField", CodeField), ("messageField", MessageField), ("dataField", DataField)];
        foreach (var (key, _) in fields.Where(f => string.IsNullOrWhiteSpace(f.Name)))
        {
            errors.Add(new(key, "is empty: expected a JSON field name such as 'code'"));
        }

        if (ErrorDetails)
        {
            fields.AddRange([("errorDetails", ReasonField), ("errorDetails", MetadataField)]);
        }

        foreach (var clash in fields.Where(f => !string.IsNullOrWhiteSpace(f.Name)).GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new(clash.First().Key, $"field name '{clash.Key}' is used by {string.Join(" and ", clash.Select(f => f.Key))}: expected distinct field names"));
        }

        if (!Enum.IsDefined(ErrorCode))
        {
            errors.Add(new("errorCode", $"'{ErrorCode}' is not a code kind: expected 'http' or 'grpc'"));
        }
    }
}
