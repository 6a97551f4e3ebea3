using System.CommandLine;
using Ego.Cli.Proto;

namespace Ego.Cli;

/// <summary>The <c>egoctl</c> command tree.</summary>
public static class EgoctlCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("egoctl: the Ego.NET tool for proto-first services.\n\nExamples:\n  egoctl proto lint protos/\n  egoctl proto format -w protos/\n  egoctl proto breaking protos/ --against main\n  egoctl proto doc protos/ --out docs/api");
        root.Subcommands.Add(ProtoCommand.Create());
        return root;
    }
}
