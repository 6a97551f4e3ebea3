using System.CommandLine;
using Ego.Cli.Internal;
using Ego.Proto.Format;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto format</c>: canonical formatting, comments kept.</summary>
internal static class FormatCommand
{
    public static Command Create()
    {
        var paths = ProtoCommand.PathsArgument();
        var write = new Option<bool>("--write", "-w") { Description = "Rewrite the files in place instead of printing them." };
        var check = new Option<bool>("--check") { Description = "Print the files that are not formatted and exit 1 if any; change nothing." };
        var command = new Command("format", "Format .proto files canonically (two-space indent, sorted imports, comments kept).\n\nExamples:\n  egoctl proto format greeter.proto\n  egoctl proto format -w protos/\n  egoctl proto format --check protos/")
        {
            paths, write, check,
        };
        command.SetAction((result, _) => CliRun.RunAsync(result, async (output, error) =>
        {
            var set = ProtoInputs.Load(result.GetValue(paths) ?? []);
            if (await CliRun.ReportSyntaxErrorsAsync(set, error))
            {
                return CliRun.BadInput;
            }

            var unformatted = 0;
            foreach (var file in set.Files)
            {
                var formatted = ProtoFormatter.Format(file);
                if (result.GetValue(check))
                {
                    if (formatted != file.Text)
                    {
                        unformatted++;
                        await output.WriteLineAsync(file.Path);
                    }
                }
                else if (result.GetValue(write))
                {
                    if (formatted != file.Text)
                    {
                        await File.WriteAllTextAsync(file.Path, formatted);
                    }
                }
                else
                {
                    await output.WriteAsync(formatted);
                }
            }

            return unformatted > 0 ? CliRun.Findings : CliRun.Clean;
        }));
        return command;
    }
}
