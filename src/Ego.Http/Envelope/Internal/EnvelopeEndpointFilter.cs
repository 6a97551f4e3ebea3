using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Envelope.Internal;

/// <summary>
/// Wraps what an endpoint returns in the success envelope: plain objects, strings, <c>Results.Ok(x)</c>, <c>Results.Json(x)</c>,
/// <c>Results.Created(uri, x)</c> and other 2xx results with a value, and no value at all (<c>void</c>, <c>Results.Ok()</c>). Other results without a value (files,
/// redirects, <c>NoContent</c>) and non-2xx results pass unchanged.
/// </summary>
internal sealed class EnvelopeEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context).ConfigureAwait(false);
        if (context.HttpContext.RequestServices.GetService<HttpEnvelopeOptions>() is not { Enabled: true } options)
        {
            return result;
        }

        return result switch
        {
            null or EmptyHttpResult or Ok => new EnvelopeResult(HttpEnvelope.ForSuccess(null, options), StatusCodes.Status200OK, null),
            IValueHttpResult value when StatusOf(result) is >= 200 and < 300 and var status and not StatusCodes.Status204NoContent
                => new EnvelopeResult(HttpEnvelope.ForSuccess(value.Value, options), status, LocationOf(result)),
            IResult => result,
            _ => new EnvelopeResult(HttpEnvelope.ForSuccess(result, options), StatusCodes.Status200OK, null),
        };
    }

    private static int StatusOf(object result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;

    // Created and Accepted results put their URI in the Location header when they run; the envelope keeps it.
    private static string? LocationOf(object result) => result switch
    {
        IResult when result.GetType().GetProperty("Location")?.GetValue(result) is string location => location,
        _ => null,
    };
}
