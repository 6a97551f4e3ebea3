using System.CommandLine;
using Ego.Cli.Internal;
using Ego.Proto;

namespace Ego.Cli.Gen;

/// <summary><c>egoctl gen</c>: service stubs and test skeletons for the rpcs of a project's protos, never overwriting edited files.</summary>
internal static class GenCommand
{
    public static Command Create()
    {
        var proto = new Option<string?>("--proto") { Description = "Directory holding the .proto files (default: PROJECT/Protos)." };
        var output = new Option<string?>("--output", "-o") { Description = "The service project's directory (default: the current directory if it holds a .csproj, else the single project under src/)." };
        var tests = new Option<string?>("--tests") { Description = "The test project's directory (default: tests/PROJECT.Tests when it exists)." };
        var command = new Command("gen", "Generate, for every rpc in the protos, a service stub (only for rpcs not implemented yet, in partial-class files of their own) and a test skeleton on the in-memory server (only for rpcs no test calls yet). Generated files carry a hash: unedited ones are regenerated, edited ones are kept. Errors and messages are generated at build time; gen adds a <Protobuf Include> item when a proto is not compiled.\n\nExamples:\n  egoctl gen\n  egoctl gen --output src/OrderApi --tests tests/OrderApi.Tests\n  egoctl gen --proto ../shared/protos -o src/OrderApi")
        {
            proto, output, tests,
        };
        command.SetAction((result, cancellationToken) => CliRun.RunAsync(result, async (stdout, error) =>
        {
            var project = GenProject.Locate(result.GetValue(output), result.GetValue(proto), result.GetValue(tests));
            var protos = ProtoSet.LoadDirectory(project.ProtoDirectory);
            if (await CliRun.ReportSyntaxErrorsAsync(protos, error).ConfigureAwait(false))
            {
                return CliRun.BadInput;
            }

            if (protos.Files.Count == 0)
            {
                throw new CliException($"--proto {project.ProtoDirectory}: no .proto files: expected the service's protos there");
            }

            var progress = new CliProgress(stdout);
            var outcomes = await progress.StepAsync($"generating from {protos.Files.Count} proto file(s) in {project.ProtoDirectory}", () => WriteAsync(project, protos, stdout, cancellationToken)).ConfigureAwait(false);
            progress.Line(string.Join(", ", Enum.GetValues<GenOutcome>().Select(o => $"{outcomes.Count(x => x == o)} {o.ToString().ToLowerInvariant()}")));
            return CliRun.Clean;
        }));
        return command;
    }

    private static async Task<List<GenOutcome>> WriteAsync(GenProject project, ProtoSet protos, TextWriter stdout, CancellationToken cancellationToken)
    {
        var plan = GenPlan.Create(project, protos);
        var outcomes = new List<GenOutcome>();
        try
        {
            var projectText = GenProject.ReadText(project.ProjectFile, "--output");
            if (ProtobufItems.Ensure(projectText, project.Directory, project.ProtoDirectory, protos.Files.Select(f => f.Path)) is { } updated)
            {
                await File.WriteAllTextAsync(project.ProjectFile, updated, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"updated {Display(project.ProjectFile)} (added <Protobuf Include> for {Display(project.ProtoDirectory)})").ConfigureAwait(false);
            }

            foreach (var (path, body) in plan.Files)
            {
                var outcome = await GeneratedFile.WriteAsync(path, body, cancellationToken).ConfigureAwait(false);
                outcomes.Add(outcome);
                var suffix = outcome == GenOutcome.Kept ? " (edited since generated; not overwritten)" : "";
                await stdout.WriteLineAsync($"{outcome.ToString().ToLowerInvariant()} {Display(path)}{suffix}").ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--output {project.Directory}: cannot write: {exception.Message}");
        }

        foreach (var note in plan.Notes)
        {
            await stdout.WriteLineAsync("note: " + note).ConfigureAwait(false);
        }

        return outcomes;
    }

    private static string Display(string path) => Path.GetRelativePath(".", path).Replace('\\', '/');
}
