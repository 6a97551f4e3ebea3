using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Microsoft.AspNetCore.Http;

namespace Ego.Http.Errors;

/// <summary>Writes <see cref="EgoError"/>s as HTTP responses and reads them back from responses.</summary>
public static class HttpErrors
{
    /// <summary>The response for <paramref name="error"/>: EGO's HTTP status for its code and the JSON body.</summary>
    public static IResult ToResult(EgoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Results.Json(ToBody(error), statusCode: (int)HttpStatusMapping.ToHttp(error.Code));
    }

    public static HttpErrorBody ToBody(EgoError error) => new((int)error.Code, error.Reason, error.Message, error.Metadata.Count == 0 ? null : error.Metadata);

    /// <summary>
    /// The error an unsuccessful response carries: decoded from our JSON body (the registered instance for a known reason),
    /// or, for any other body, an error with the code of its HTTP status and the body text as message. Null for success.
    /// </summary>
    public static async Task<EgoError?> ReadErrorAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                if (JsonSerializer.Deserialize<HttpErrorBody>(text) is { } body && Enum.IsDefined((StatusCode)body.Code))
                {
                    return FromBody(body);
                }
            }
            catch (JsonException)
            {
                // Not our body: fall through to the status-based error.
            }
        }

        return new EgoError(HttpStatusMapping.FromHttp(response.StatusCode), "", text.Length > 0 ? text : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>Throws the error an unsuccessful response carries (see <see cref="ReadErrorAsync"/>).</summary>
    public static async Task EnsureNoErrorAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        if (await response.ReadErrorAsync(cancellationToken).ConfigureAwait(false) is { } error)
        {
            throw error;
        }
    }

    private static EgoError FromBody(HttpErrorBody body)
    {
        var metadata = body.Metadata ?? new Dictionary<string, string>();
        return body.Reason.Length > 0 && EgoErrorRegistry.TryGet(body.Reason, out var registered)
            ? registered.WithMessage(body.Message).WithMetadata(metadata)
            : new EgoError((StatusCode)body.Code, body.Reason, body.Message, metadata);
    }
}
