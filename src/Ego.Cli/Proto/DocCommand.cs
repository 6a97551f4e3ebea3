using System.CommandLine;
using Ego.Cli.Internal;
using Ego.Proto.Doc;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto doc</c>: one Markdown page per package from the proto comments.</summary>
internal static class DocCommand
{
    public static Command Create()
    {
        var paths = ProtoCommand.PathsArgument();
        var outDirectory = new Option<string>("--out", "-o") { Description = "Directory the pages are written to.", DefaultValueFactory = _ => "docs/api" };
        var command = new Command("doc", "Write Markdown API docs (services, rpcs with field tables, enums) per package.\n\nExamples:\n  egoctl proto doc protos/ --out docs/api")
        {
            paths, outDirectory,
        };
        command.SetAction((result, _) => CliRun.RunAsync(result, async (output, error) =>
        {
            var set = ProtoInputs.Load(result.GetValue(paths) ?? []);
            if (await CliRun.ReportSyntaxErrorsAsync(set, error))
            {
                return CliRun.BadInput;
            }

            var directory = result.GetValue(outDirectory)!;
            Directory.CreateDirectory(directory);
            foreach (var (package, markdown) in ProtoDocGenerator.Generate(set.Files))
            {
                var file = Path.Combine(directory, (package.Length == 0 ? "default" : package) + ".md");
                await File.WriteAllTextAsync(file, markdown);
                await output.WriteLineAsync(file);
            }

            return CliRun.Clean;
        }));
        return command;
    }
}
