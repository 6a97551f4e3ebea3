namespace Ego.Grpc.Generator;

/// <summary>A problem with the request that becomes <c>CodeGeneratorResponse.error</c>, which protoc prints.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
