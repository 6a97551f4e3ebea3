using Ego.Proto.Syntax;

namespace Ego.Proto.Breaking.Internal;

/// <summary>An element with the file it is in and its fully-qualified name.</summary>
internal sealed record Located<T>(T Element, ProtoFile File, string FullName) where T : ProtoElement;
