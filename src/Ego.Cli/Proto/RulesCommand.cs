using System.CommandLine;
using Ego.Cli.Internal;
using Ego.Proto.Breaking;
using Ego.Proto.Lint;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto rules</c>: every lint and breaking-change rule with its id and default.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List the lint and breaking-change rules.");
        command.SetAction((result, _) => CliRun.RunAsync(result, async (output, _) =>
        {
            await output.WriteLineAsync("Lint rules (id, default, description):");
            foreach (var rule in ProtoLinter.Rules)
            {
                await output.WriteLineAsync($"  {rule.Id,-32} {(rule.EnabledByDefault ? "on " : "off")} {rule.Description}");
            }

            await output.WriteLineAsync("Breaking-change rules:");
            foreach (var rule in BreakingChangeDetector.Rules)
            {
                await output.WriteLineAsync($"  {rule.Id,-32} {rule.Description}");
            }

            return CliRun.Clean;
        }));
        return command;
    }
}
