using System.Diagnostics;

namespace Ego.Logging.Internal;

/// <summary>
/// Finds the code that made a log call, as zap's caller (<c>dir/file.cs:line</c>), skipping logging plumbing.
/// Walking the stack is costly, so it only runs when <c>enableAddCaller</c> is on.
/// </summary>
internal static class CallerLocator
{
    public static string? Find()
    {
        var frames = new StackTrace(2, fNeedFileInfo: true).GetFrames();
        foreach (var frame in frames)
        {
            var method = frame.GetMethod();
            var ns = method?.DeclaringType?.Namespace ?? "";
            if (method is null || IsPlumbing(ns))
            {
                continue;
            }

            var file = frame.GetFileName();
            if (string.IsNullOrEmpty(file))
            {
                return $"{method.DeclaringType?.FullName}.{method.Name}";
            }

            var dir = Path.GetFileName(Path.GetDirectoryName(file));
            var name = Path.GetFileName(file);
            return string.IsNullOrEmpty(dir) ? $"{name}:{frame.GetFileLineNumber()}" : $"{dir}/{name}:{frame.GetFileLineNumber()}";
        }

        return null;
    }

    private static bool IsPlumbing(string ns) =>
        ns == "Ego.Logging" || ns.StartsWith("Ego.Logging.", StringComparison.Ordinal)
        || ns.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal)
        || ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
}
