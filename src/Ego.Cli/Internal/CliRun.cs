using System.CommandLine;
using Ego.Proto;

namespace Ego.Cli.Internal;

/// <summary>Runs a command body with the conventions of every egoctl command: exit 0 clean, 1 findings, 2 bad input.</summary>
internal static class CliRun
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(ParseResult result, Func<TextWriter, TextWriter, Task<int>> body)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            return await body(output, error).ConfigureAwait(false);
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync("egoctl: " + exception.Message).ConfigureAwait(false);
            return BadInput;
        }
    }

    /// <summary>Prints syntax errors of <paramref name="set"/>; true when there were any.</summary>
    public static async Task<bool> ReportSyntaxErrorsAsync(ProtoSet set, TextWriter error)
    {
        foreach (var diagnostic in set.Errors)
        {
            await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        return set.Errors.Count > 0;
    }
}
