using System.Diagnostics;
using System.Globalization;

namespace Ego.Grpc.Tracing;

/// <summary>OpenTelemetry RPC conventions shared by the server and client interceptors.</summary>
internal static class GrpcSpans
{
    public static readonly Action<Metadata, string, string> MetadataSetter = static (metadata, key, value) => metadata.Add(key, value);

    /// <summary>Span name <c>package.Service/Method</c> from the path <c>/package.Service/Method</c>.</summary>
    public static string SpanName(string fullMethod) => fullMethod.StartsWith('/') ? fullMethod[1..] : fullMethod;

    public static void SetMethodTags(Activity activity, string spanName)
    {
        activity.SetTag("rpc.system", "grpc");
        var slash = spanName.LastIndexOf('/');
        activity.SetTag("rpc.service", slash < 0 ? spanName : spanName[..slash]);
        activity.SetTag("rpc.method", slash < 0 ? "" : spanName[(slash + 1)..]);
    }

    // Boxed once: a status tag on every call would otherwise box its code.
    private static readonly object[] BoxedCodes = Enumerable.Range(0, 17).Select(static code => (object)code).ToArray();

    /// <summary>The call's status on its span; nothing for a span that is not recorded (only propagated), which keeps no tags.</summary>
    public static void SetStatus(Activity activity, StatusCode code, string? detail)
    {
        if (!activity.IsAllDataRequested)
        {
            return;
        }

        activity.SetTag("rpc.grpc.status_code", (uint)code < (uint)BoxedCodes.Length ? BoxedCodes[(int)code] : (int)code);
        if (code != StatusCode.OK)
        {
            activity.SetTag("error.type", code.ToString());
            activity.SetStatus(ActivityStatusCode.Error, detail);
        }
    }

    /// <summary>The status an exception thrown by a handler or a call ends with.</summary>
    public static (StatusCode Code, string Detail) StatusOf(Exception exception) => exception switch
    {
        RpcException rpc => (rpc.StatusCode, rpc.Status.Detail),
        OperationCanceledException => (StatusCode.Cancelled, exception.Message),
        _ => (StatusCode.Unknown, exception.Message),
    };

    /// <summary>Splits the first address of a client's <c>addr</c> into host and port for <c>server.address</c>/<c>server.port</c>.</summary>
    public static (string Host, int? Port) ParseTarget(string addr)
    {
        var first = addr.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

        // scheme:///target (dns, k8s, etcd): the target is what the client calls.
        var resolved = first.IndexOf(":///", StringComparison.Ordinal);
        first = resolved > 0 && !first.StartsWith("unix:", StringComparison.Ordinal) ? first[(resolved + 4)..] : first;
        if (first.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(first, UriKind.Absolute, out var uri))
        {
            return (uri.Host, uri.IsDefaultPort ? null : uri.Port);
        }

        var colon = first.LastIndexOf(':');
        return colon > 0 && int.TryParse(first.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (first[..colon].Trim('[', ']'), port)
            : (first, null);
    }
}
