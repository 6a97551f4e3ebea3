namespace Ego.Grpc.Generator;

/// <summary>The static class holding the errors of one or more enums of a proto file.</summary>
internal sealed record ErrorClassModel(string ClassName, IReadOnlyList<ErrorValueModel> Errors);
