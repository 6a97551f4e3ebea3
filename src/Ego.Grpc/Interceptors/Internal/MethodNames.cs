using System.Collections.Concurrent;

namespace Ego.Grpc.Interceptors.Internal;

/// <summary>The service part of full method names (<c>/pkg.Service/Method</c> → <c>pkg.Service</c>), cached per method.</summary>
internal static class MethodNames
{
    private static readonly ConcurrentDictionary<string, string> Services = new(StringComparer.Ordinal);

    public static string Service(string fullMethod) => Services.GetOrAdd(fullMethod, static m =>
    {
        var trimmed = m.StartsWith('/') ? m[1..] : m;
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[..slash];
    });
}
