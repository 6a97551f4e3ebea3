using System.CommandLine;

namespace Ego.Cli.Proto;

/// <summary><c>egoctl proto</c>: lint, format, breaking-change checks and docs for .proto files.</summary>
internal static class ProtoCommand
{
    public static Command Create()
    {
        var command = new Command("proto", "Check, format and document .proto files.");
        command.Subcommands.Add(LintCommand.Create());
        command.Subcommands.Add(FormatCommand.Create());
        command.Subcommands.Add(BreakingCommand.Create());
        command.Subcommands.Add(DocCommand.Create());
        command.Subcommands.Add(RulesCommand.Create());
        return command;
    }

    /// <summary>The PATHS argument every proto command takes: files or directories, the current directory by default.</summary>
    public static Argument<string[]> PathsArgument() => new("paths")
    {
        Description = "Files or directories holding .proto files (default: the current directory).",
        Arity = ArgumentArity.ZeroOrMore,
    };
}
