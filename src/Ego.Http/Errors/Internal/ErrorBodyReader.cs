using System.Net;
using System.Text.Json;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Envelope;

namespace Ego.Http.Errors.Internal;

/// <summary>
/// Reads an error from a JSON body: an error envelope (it has the data field) or our plain error body. An envelope's code
/// is a business code, an HTTP status or a gRPC code; the gRPC code comes from the registered reason or business code,
/// then from the code when the envelope uses gRPC codes, else from the response's HTTP status.
/// </summary>
internal static class ErrorBodyReader
{
    public static EgoError? Read(JsonElement root, HttpStatusCode status, HttpEnvelopeOptions envelope)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return root.TryGetProperty(envelope.DataField, out _) ? FromEnvelope(root, status, envelope) : FromPlainBody(root);
    }

    private static EgoError? FromPlainBody(JsonElement root)
    {
        if (root.Deserialize<HttpErrorBody>() is not { } body || !Enum.IsDefined((StatusCode)body.Code))
        {
            return null;
        }

        var businessCode = body.BizCode is { } biz && BusinessCodes.IsValid(biz) ? biz : (long?)null;
        return Resolve(body.Reason ?? "", businessCode, (StatusCode)body.Code, body.Message ?? "", body.Metadata ?? new Dictionary<string, string>());
    }

    private static EgoError? FromEnvelope(JsonElement root, HttpStatusCode status, HttpEnvelopeOptions envelope)
    {
        if (!root.TryGetProperty(envelope.CodeField, out var codeElement) || !codeElement.TryGetInt64(out var code))
        {
            return null;
        }

        var message = root.TryGetProperty(envelope.MessageField, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        var reason = root.TryGetProperty(HttpEnvelopeOptions.ReasonField, out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        var metadata = root.TryGetProperty(HttpEnvelopeOptions.MetadataField, out var md) && md.ValueKind == JsonValueKind.Object
            ? md.Deserialize<Dictionary<string, string>>()!
            : [];
        var businessCode = BusinessCodes.IsValid(code) ? code : (long?)null;
        var grpcCode = envelope.ErrorCode == EnvelopeErrorCode.Grpc && businessCode is null && Enum.IsDefined((StatusCode)code)
            ? (StatusCode)code
            : HttpStatusMapping.FromHttp(status);
        return Resolve(reason, businessCode, grpcCode, message, metadata);
    }

    private static EgoError Resolve(string reason, long? businessCode, StatusCode code, string message, IReadOnlyDictionary<string, string> metadata)
    {
        if (reason.Length > 0 && EgoErrorRegistry.TryGet(reason, out var registered))
        {
            return registered.WithMessage(message).WithMetadata(metadata);
        }

        if (reason.Length == 0 && businessCode is { } biz && EgoErrorRegistry.TryGetByBusinessCode(biz, out var byCode))
        {
            return byCode.WithMessage(message).WithMetadata(metadata);
        }

        return new EgoError(code, reason, message, metadata, businessCode: businessCode);
    }
}
