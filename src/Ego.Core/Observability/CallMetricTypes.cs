namespace Ego.Observability;

/// <summary>Values of the <c>type</c> label of the <c>ego_server_*</c> and <c>ego_client_*</c> metrics, as EGO's.</summary>
public static class CallMetricTypes
{
    public const string Unary = "unary";

    public const string Stream = "stream";

    public const string Http = "http";
}
