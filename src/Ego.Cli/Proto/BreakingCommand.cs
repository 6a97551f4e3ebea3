using System.CommandLine;
using System.Diagnostics;
using Ego.Cli.Internal;
using Ego.Proto;
using Ego.Proto.Breaking;
using Ego.Proto.Descriptors;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto breaking</c>: wire- and source-breaking changes against a directory, a descriptor set or a git ref.</summary>
internal static class BreakingCommand
{
    public static Command Create()
    {
        var paths = ProtoCommand.PathsArgument();
        var against = new Option<string>("--against") { Description = "The previous version: a directory, a descriptor set file (protoc --descriptor_set_out), or a git ref (branch, tag, commit) of the current repository.", Required = true };
        var command = new Command("breaking", "Report breaking changes against a previous version; exits 1 when any is found.\n\nExamples:\n  egoctl proto breaking protos/ --against ../released/protos\n  egoctl proto breaking protos/ --against origin/main\n  egoctl proto breaking protos/ --against release-1.4.pb")
        {
            paths, against,
        };
        command.SetAction((result, _) => CliRun.RunAsync(result, async (output, error) =>
        {
            var inputs = result.GetValue(paths) ?? [];
            var after = ProtoInputs.Load(inputs);
            var reference = result.GetValue(against)!;
            var before = Directory.Exists(reference) ? ProtoSet.LoadDirectory(reference)
                : File.Exists(reference) ? LoadDescriptorSet(reference)
                : await FromGitAsync(reference, inputs);
            if (await CliRun.ReportSyntaxErrorsAsync(after, error) | await CliRun.ReportSyntaxErrorsAsync(before, error))
            {
                return CliRun.BadInput;
            }

            var baseline = File.Exists(reference) ? DescriptorBaseline.Select(before, after.Files) : before.Files;
            var changes = BreakingChangeDetector.Compare(baseline, after.Files);
            foreach (var change in changes)
            {
                await output.WriteLineAsync(change.ToString());
            }

            return changes.Count > 0 ? CliRun.Findings : CliRun.Clean;
        }));
        return command;
    }

    private static ProtoSet LoadDescriptorSet(string path)
    {
        try
        {
            return ProtoSet.LoadDescriptorSet(path);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--against: {exception.Message} (--against takes a directory, a descriptor set file or a git ref)");
        }
    }

    private static async Task<ProtoSet> FromGitAsync(string reference, IReadOnlyList<string> inputs)
    {
        var scope = inputs.Count == 0 ? ["."] : inputs;
        var listing = await GitAsync(["ls-tree", "-r", "--name-only", "--full-name", reference, "--", .. scope]);
        var root = (await GitAsync(["rev-parse", "--show-toplevel"])).Trim();
        var sources = new List<KeyValuePair<string, string>>();
        foreach (var file in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(f => f.EndsWith(".proto", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(root, file)).Replace('\\', '/');
            sources.Add(new(relative, await GitAsync(["show", $"{reference}:{file}"])));
        }

        return ProtoSet.Parse(sources);
    }

    private static async Task<string> GitAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new CliException($"--against is not a directory, and git is not available to read it as a ref: {exception.Message}");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new CliException($"--against: not a directory, and git {arguments[0]} failed: {(await stderr).Trim()}");
            }

            return await stdout;
        }
    }
}
