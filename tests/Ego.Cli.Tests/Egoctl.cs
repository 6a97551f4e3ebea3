using System.CommandLine;

namespace Ego.Cli.Tests;

/// <summary>Runs egoctl in-process with its output captured, as a user would read it on the terminal.</summary>
internal static class Egoctl
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EgoctlCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
