using Ego.Grpc.Errors;
using Ego.Http.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Errors.Internal;

/// <summary>
/// An error response: EGO's HTTP status and the plain JSON error body, or the error envelope when envelope options are
/// given or, failing that, registered and enabled in the app. Deciding when it runs lets returned and thrown errors look alike.
/// </summary>
internal sealed class ErrorResult(EgoError error, HttpEnvelopeOptions? envelope) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => (int)HttpStatusMapping.ToHttp(error.Code);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = envelope ?? httpContext.RequestServices.GetService<HttpEnvelopeOptions>();
        var status = (int)HttpStatusMapping.ToHttp(error.Code);
        return options is { Enabled: true }
            ? Results.Json(HttpEnvelope.ForError(error, options), statusCode: status).ExecuteAsync(httpContext)
            : Results.Json(HttpErrors.ToBody(error), statusCode: status).ExecuteAsync(httpContext);
    }
}
