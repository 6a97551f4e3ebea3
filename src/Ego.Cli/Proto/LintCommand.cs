using System.CommandLine;
using Ego.Cli.Internal;
using Ego.Proto.Lint;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto lint</c>: the style guide, one <c>file:line:col RULE message</c> line per finding.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var paths = ProtoCommand.PathsArgument();
        var config = new Option<string?>("--config") { Description = "Lint config file (YAML or JSON): disable, enable, enum_zero_value_suffix, root." };
        var root = new Option<string?>("--root") { Description = "Directory the package directories are relative to (overrides the config's root)." };
        var command = new Command("lint", "Check .proto files against the style guide; exits 1 when anything is found.\n\nExamples:\n  egoctl proto lint protos/\n  egoctl proto lint --config proto-lint.yaml --root protos protos/user/v1")
        {
            paths, config, root,
        };
        command.SetAction((result, _) => CliRun.RunAsync(result, async (output, error) =>
        {
            var options = LoadOptions(result.GetValue(config));
            if (result.GetValue(root) is { } rootDirectory)
            {
                options.Root = rootDirectory;
            }

            var set = ProtoInputs.Load(result.GetValue(paths) ?? []);
            var broken = await CliRun.ReportSyntaxErrorsAsync(set, error);
            var findings = ProtoLinter.Lint(set.Files, options);
            foreach (var finding in findings)
            {
                await output.WriteLineAsync(finding.ToString());
            }

            return broken ? CliRun.BadInput : findings.Count > 0 ? CliRun.Findings : CliRun.Clean;
        }));
        return command;
    }

    private static LintOptions LoadOptions(string? path)
    {
        if (path is null)
        {
            return new LintOptions();
        }

        try
        {
            return LintConfig.Load(path);
        }
        catch (Exception exception) when (exception is ProtoConfigException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {exception.Message}");
        }
    }
}
