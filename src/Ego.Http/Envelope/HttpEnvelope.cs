using Ego.Grpc.Errors;
using Ego.Http.Errors;

namespace Ego.Http.Envelope;

/// <summary>
/// Builds envelope bodies. The code of an error is its business code when it has one, else its HTTP status or gRPC code
/// (<see cref="HttpEnvelopeOptions.ErrorCode"/>); successes carry <see cref="HttpEnvelopeOptions.SuccessCode"/>.
/// </summary>
public static class HttpEnvelope
{
    /// <summary>The envelope of a successful result holding <paramref name="data"/>.</summary>
    public static IReadOnlyDictionary<string, object?> ForSuccess(object? data, HttpEnvelopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [options.CodeField] = options.SuccessCode,
            [options.MessageField] = options.SuccessMessage,
            [options.DataField] = data,
        };
    }

    /// <summary>The envelope of <paramref name="error"/>; <c>data</c> is null.</summary>
    public static IReadOnlyDictionary<string, object?> ForError(EgoError error, HttpEnvelopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [options.CodeField] = ErrorCode(error, options),
            [options.MessageField] = error.Message,
            [options.DataField] = null,
        };
        if (options.ErrorDetails)
        {
            body[HttpEnvelopeOptions.ReasonField] = error.Reason;
            body[HttpEnvelopeOptions.MetadataField] = error.Metadata.Count == 0 ? null : error.Metadata;
        }

        return body;
    }

    /// <summary>The envelope code of <paramref name="error"/>: business code, else HTTP status or gRPC code as configured.</summary>
    public static long ErrorCode(EgoError error, HttpEnvelopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        return error.BusinessCode
               ?? (options.ErrorCode == EnvelopeErrorCode.Grpc ? (long)error.Code : (long)HttpStatusMapping.ToHttp(error.Code));
    }
}
