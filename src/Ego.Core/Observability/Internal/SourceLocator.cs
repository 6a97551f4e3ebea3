using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;

namespace Ego.Observability.Internal;

/// <summary>
/// The <c>file:line</c> where a method's body starts, read from its assembly's portable PDB, for debug lines of
/// handlers (which are not on the stack when a call ends). Cached per method; <c>null</c> without a PDB.
/// </summary>
internal static class SourceLocator
{
    private static readonly ConcurrentDictionary<MethodBase, string?> Cache = new();

    public static string? Find(MethodBase method) => Cache.GetOrAdd(method, Locate);

    private static string? Locate(MethodBase method)
    {
        // An async method's body lives in its state machine's MoveNext.
        if (method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } machine
            && machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
        {
            method = moveNext;
        }

        var location = method.Module.Assembly.Location;
        if (string.IsNullOrEmpty(location))
        {
            return null;
        }

        var pdb = Path.ChangeExtension(location, ".pdb");
        if (!File.Exists(pdb))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(pdb);
            using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
            var reader = provider.GetMetadataReader();
            var handle = MetadataTokens.MethodDebugInformationHandle(MetadataTokens.GetRowNumber(MetadataTokens.MethodDefinitionHandle(method.MetadataToken)));
            foreach (var point in reader.GetMethodDebugInformation(handle).GetSequencePoints())
            {
                if (!point.IsHidden)
                {
                    var file = reader.GetString(reader.GetDocument(point.Document).Name);
                    return file + ":" + point.StartLine.ToString(CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or ArgumentException or InvalidOperationException)
        {
            // A missing or foreign PDB only costs the debug line its location.
        }

        return null;
    }
}
