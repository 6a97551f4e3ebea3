using System.CommandLine;
using Ego.Cli.Internal;
using Ego.Proto.Doc;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto doc</c>: one Markdown page and/or one self-contained HTML page per package from the proto comments.</summary>
internal static class DocCommand
{
    public static Command Create()
    {
        var paths = ProtoCommand.PathsArgument();
        var outDirectory = new Option<string>("--out", "-o") { Description = "Directory the pages are written to.", DefaultValueFactory = _ => "docs/api" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "markdown (<package>.md), html (<package>.html: one self-contained page, no external assets) or both.",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "html", "both");
        var command = new Command("doc",
            "Write API docs per package: services, rpcs with request/response field tables, messages, enums and error codes (gRPC, HTTP, business).\n\n"
            + "Examples:\n  egoctl proto doc protos/ --out docs/api\n  egoctl proto doc protos/ --format html --out site/api\n  egoctl proto doc protos/ --format both")
        {
            paths, outDirectory, format,
        };
        command.SetAction((result, _) => CliRun.RunAsync(result, async (output, error) =>
        {
            var set = ProtoInputs.Load(result.GetValue(paths) ?? []);
            if (await CliRun.ReportSyntaxErrorsAsync(set, error))
            {
                return CliRun.BadInput;
            }

            var directory = result.GetValue(outDirectory)!;
            var kind = result.GetValue(format)!;
            Directory.CreateDirectory(directory);
            if (kind is "markdown" or "both")
            {
                await WriteAsync(ProtoDocGenerator.Generate(set.Files), directory, ".md", output);
            }

            if (kind is "html" or "both")
            {
                await WriteAsync(ProtoDocGenerator.GenerateHtml(set.Files), directory, ".html", output);
            }

            return CliRun.Clean;
        }));
        return command;
    }

    private static async Task WriteAsync(IReadOnlyDictionary<string, string> pages, string directory, string extension, TextWriter output)
    {
        foreach (var (package, text) in pages)
        {
            // The HTML pages link to each other by these names.
            var file = Path.Combine(directory, (package.Length == 0 ? "default" : package) + extension);
            await File.WriteAllTextAsync(file, text);
            await output.WriteLineAsync(file);
        }
    }
}
