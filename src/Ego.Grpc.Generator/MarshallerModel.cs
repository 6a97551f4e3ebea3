namespace Ego.Grpc.Generator;

/// <summary>A static marshaller field for one message type used by a service.</summary>
internal sealed record MarshallerModel(string FieldName, string MessageType);
