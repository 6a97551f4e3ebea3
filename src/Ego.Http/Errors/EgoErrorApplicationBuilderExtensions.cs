using Microsoft.AspNetCore.Builder;

namespace Ego.Http.Errors;

/// <summary>Registration of the error middleware.</summary>
public static class EgoErrorApplicationBuilderExtensions
{
    /// <summary>Answers errors thrown by later middleware and endpoints with EGO's HTTP status and JSON error body.</summary>
    public static IApplicationBuilder UseEgoErrors(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<EgoErrorMiddleware>();
    }
}
