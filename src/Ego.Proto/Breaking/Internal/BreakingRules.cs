namespace Ego.Proto.Breaking.Internal;

/// <summary>Rule ids of breaking changes.</summary>
internal static class BreakingRules
{
    public const string PackageChanged = "PACKAGE_CHANGED";
    public const string MessageRemoved = "MESSAGE_REMOVED";
    public const string FieldRemoved = "FIELD_REMOVED";
    public const string FieldNameChanged = "FIELD_NAME_CHANGED";
    public const string FieldNumberChanged = "FIELD_NUMBER_CHANGED";
    public const string FieldTypeChanged = "FIELD_TYPE_CHANGED";
    public const string FieldCardinalityChanged = "FIELD_CARDINALITY_CHANGED";
    public const string FieldOneofChanged = "FIELD_ONEOF_CHANGED";
    public const string FieldJsonNameChanged = "FIELD_JSON_NAME_CHANGED";
    public const string EnumRemoved = "ENUM_REMOVED";
    public const string EnumValueRemoved = "ENUM_VALUE_REMOVED";
    public const string EnumValueNameChanged = "ENUM_VALUE_NAME_CHANGED";
    public const string ServiceRemoved = "SERVICE_REMOVED";
    public const string RpcRemoved = "RPC_REMOVED";
    public const string RpcRequestTypeChanged = "RPC_REQUEST_TYPE_CHANGED";
    public const string RpcResponseTypeChanged = "RPC_RESPONSE_TYPE_CHANGED";
    public const string RpcClientStreamingChanged = "RPC_CLIENT_STREAMING_CHANGED";
    public const string RpcServerStreamingChanged = "RPC_SERVER_STREAMING_CHANGED";
    public const string ReservedNumberReused = "RESERVED_NUMBER_REUSED";
    public const string ReservedNameReused = "RESERVED_NAME_REUSED";
}
