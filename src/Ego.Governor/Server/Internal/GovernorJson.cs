using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ego.Governor.Server.Internal;

/// <summary>Writes governor answers as JSON; <c>?pretty=true</c> indents them, as in EGO.</summary>
internal static class GovernorJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new();

    public static Task WriteAsync(HttpContext context, JsonNode node, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        var pretty = string.Equals(context.Request.Query["pretty"], "true", StringComparison.OrdinalIgnoreCase);
        return context.Response.WriteAsync(node.ToJsonString(pretty ? Indented : Compact) + "\n", context.RequestAborted);
    }

    public static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
