using Ego.Proto.Syntax;

namespace Ego.Proto.Lint.Internal;

/// <summary>An element with its nesting depth and, for enum values, the enum it belongs to.</summary>
internal readonly record struct WalkedElement(ProtoElement Element, int Depth, ProtoEnum? Enum);
