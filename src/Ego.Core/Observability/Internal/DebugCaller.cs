using System.Diagnostics;
using System.Reflection;

namespace Ego.Observability.Internal;

/// <summary>
/// Finds the user code behind a call for debug lines: the first stack frame with a source file that is neither in a
/// framework assembly nor in generated code (files under <c>obj/</c>). Walks the stack, so only used in debug mode.
/// </summary>
internal static class DebugCaller
{
    public static string? FromStack() => Find(new StackTrace(1, fNeedFileInfo: true));

    /// <summary>The first user frame where <paramref name="exception"/> was thrown or passed through.</summary>
    public static string? FromException(Exception exception) => Find(new StackTrace(exception, fNeedFileInfo: true));

    private static string? Find(StackTrace trace)
    {
        foreach (var frame in trace.GetFrames())
        {
            var file = frame.GetFileName();
            var method = frame.GetMethod();
            if (string.IsNullOrEmpty(file) || method is null || IsFramework(method.DeclaringType?.Assembly) || IsGenerated(file))
            {
                continue;
            }

            return file + ":" + frame.GetFileLineNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static bool IsFramework(Assembly? assembly)
    {
        var name = assembly?.GetName().Name ?? "";
        return name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
            || name is "Ego.Core" or "Ego.Grpc" or "Ego.Http" or "Ego.Governor" or "Ego.Grpc.Health" or "Ego.Grpc.Reflection" or "Ego.Testing"
            || name.StartsWith("Google.Protobuf", StringComparison.Ordinal) || name.StartsWith("xunit", StringComparison.Ordinal);
    }

    private static bool IsGenerated(string file) =>
        file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("\\obj\\", StringComparison.Ordinal);
}
