namespace Ego.Proto.Descriptors.Internal;

/// <summary>Field numbers of descriptor.proto that make up <c>SourceCodeInfo.Location.path</c>.</summary>
internal static class DescriptorPath
{
    public const int FilePackage = 2;
    public const int FileImports = 3;
    public const int FileMessages = 4;
    public const int FileEnums = 5;
    public const int FileServices = 6;
    public const int FileSyntax = 12;
    public const int FileEdition = 14;

    public const int MessageFields = 2;
    public const int MessageNested = 3;
    public const int MessageEnums = 4;
    public const int MessageOneofs = 8;
    public const int MessageReservedRanges = 9;
    public const int MessageReservedNames = 10;

    public const int EnumValues = 2;
    public const int EnumReservedRanges = 4;
    public const int EnumReservedNames = 5;

    public const int ServiceMethods = 2;

    /// <summary><c>name</c> is field 1 of every named descriptor.</summary>
    public const int Name = 1;

    public static int[] Append(IReadOnlyList<int> path, params int[] more) => [.. path, .. more];
}
