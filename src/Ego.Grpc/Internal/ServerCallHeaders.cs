namespace Ego.Grpc.Internal;

/// <summary>
/// One request header of a served call, read from the HTTP request when there is one: building
/// <see cref="ServerCallContext.RequestHeaders"/> turns every header into metadata, which costs an interceptor that
/// needs one value more than the rest of its work.
/// </summary>
internal static class ServerCallHeaders
{
    public static readonly Func<ServerCallContext, string, string?> Getter = Get;

    public static string? Get(ServerCallContext context, string key)
    {
        if (context.GetHttpContext() is not { } http)
        {
            return context.RequestHeaders.GetValue(key);
        }

        var values = http.Request.Headers[key];
        return values.Count == 0 ? null : values.ToString();
    }
}
