using System.Net;
using System.Text.Json;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Http.Envelope;
using Ego.Http.Errors.Internal;
using Microsoft.AspNetCore.Http;

namespace Ego.Http.Errors;

/// <summary>Writes <see cref="EgoError"/>s as HTTP responses and reads them back from responses.</summary>
public static class HttpErrors
{
    private static readonly HttpEnvelopeOptions DefaultEnvelope = new();

    /// <summary>
    /// The response for <paramref name="error"/>: EGO's HTTP status for its code and the JSON body, or the error envelope
    /// when <paramref name="envelope"/> is enabled (without it: when the app registered enabled <see cref="HttpEnvelopeOptions"/>).
    /// </summary>
    public static IResult ToResult(EgoError error, HttpEnvelopeOptions? envelope = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ErrorResult(error, envelope);
    }

    public static HttpErrorBody ToBody(EgoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new((int)error.Code, error.Reason, error.Message, error.Metadata.Count == 0 ? null : error.Metadata, error.BusinessCode);
    }

    /// <summary>
    /// The error an unsuccessful response carries: decoded from our JSON body or an error envelope with the default field
    /// names (the registered instance for a known reason or business code), or, for any other body, an error with the code
    /// of its HTTP status and the body text as message. Null for success.
    /// </summary>
    public static Task<EgoError?> ReadErrorAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
        => response.ReadErrorAsync(DefaultEnvelope, cancellationToken);

    /// <summary>As <see cref="ReadErrorAsync(HttpResponseMessage, CancellationToken)"/>, reading envelopes with the field names of <paramref name="envelope"/>.</summary>
    public static async Task<EgoError?> ReadErrorAsync(this HttpResponseMessage response, HttpEnvelopeOptions envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(envelope);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (ErrorBodyReader.Read(document.RootElement, response.StatusCode, envelope) is { } error)
                {
                    return error;
                }
            }
            catch (JsonException)
            {
                // Not our body: fall through to the status-based error.
            }
        }

        return new EgoError(HttpStatusMapping.FromHttp(response.StatusCode), "", text.Length > 0 ? text : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>Throws the error an unsuccessful response carries (see <see cref="ReadErrorAsync(HttpResponseMessage, CancellationToken)"/>).</summary>
    public static async Task EnsureNoErrorAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        if (await response.ReadErrorAsync(cancellationToken).ConfigureAwait(false) is { } error)
        {
            throw error;
        }
    }
}
