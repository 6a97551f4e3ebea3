namespace Ego.Logging;

/// <summary>
/// Names of the fields shared with Go EGO's access and component logs, and helpers to make them,
/// so that .NET and Go services feed the same log pipelines.
/// </summary>
public static class EgoLogField
{
    public const string Comp = "comp";
    public const string CompName = "compName";
    public const string Addr = "addr";
    public const string Method = "method";
    public const string Cost = "cost";
    public const string Code = "code";

    /// <summary>The HTTP-equivalent status of a call (EGO's uniform code).</summary>
    public const string UniformCode = "ucode";
    public const string Event = "event";
    public const string Error = "error";
    public const string Tid = "tid";
    public const string PeerIp = "peerIp";
    public const string PeerName = "peerName";
    public const string Req = "req";
    public const string Res = "res";

    /// <summary>Any field.</summary>
    public static KeyValuePair<string, object?> Of(string key, object? value) => new(key, value);

    /// <summary>Component kind, e.g. <c>server.grpc</c>.</summary>
    public static KeyValuePair<string, object?> Component(string value) => new(Comp, value);

    /// <summary>Component instance name, e.g. its config key.</summary>
    public static KeyValuePair<string, object?> ComponentName(string value) => new(CompName, value);

    public static KeyValuePair<string, object?> Address(string value) => new(Addr, value);

    public static KeyValuePair<string, object?> MethodName(string value) => new(Method, value);

    /// <summary>Duration, written as milliseconds (a JSON number), as EGO's <c>cost</c>.</summary>
    public static KeyValuePair<string, object?> Duration(TimeSpan value) => new(Cost, value);

    public static KeyValuePair<string, object?> StatusCode(int value) => new(Code, value);

    public static KeyValuePair<string, object?> EventName(string value) => new(Event, value);

    public static KeyValuePair<string, object?> ErrorText(string? value) => new(Error, value);

    public static KeyValuePair<string, object?> TraceId(string value) => new(Tid, value);

    public static KeyValuePair<string, object?> PeerAddress(string value) => new(PeerIp, value);

    public static KeyValuePair<string, object?> Peer(string value) => new(PeerName, value);

    public static KeyValuePair<string, object?> Request(object? value) => new(Req, value);

    public static KeyValuePair<string, object?> Response(object? value) => new(Res, value);
}
