using Microsoft.AspNetCore.Http;

namespace Ego.Http.Envelope.Internal;

/// <summary>An envelope written as JSON with the app's serializer options, keeping the wrapped result's status and Location.</summary>
internal sealed class EnvelopeResult(IReadOnlyDictionary<string, object?> body, int statusCode, string? location) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public int? StatusCode => statusCode;

    public object? Value => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return Results.Json(body, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
