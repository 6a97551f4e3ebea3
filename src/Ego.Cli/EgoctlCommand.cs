using System.CommandLine;
using Ego.Cli.Gen;
using Ego.Cli.K8s;
using Ego.Cli.New;
using Ego.Cli.Proto;

namespace Ego.Cli;

/// <summary>The <c>egoctl</c> command tree.</summary>
public static class EgoctlCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("egoctl: the Ego.NET tool for proto-first services.\n\nExamples:\n  egoctl new order-api --kind both\n  egoctl gen\n  egoctl k8s --image registry.example.com/order-api:1.0.0\n  egoctl proto lint protos/\n  egoctl proto format -w protos/\n  egoctl proto breaking protos/ --against main\n  egoctl proto doc protos/ --out docs/api");
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(GenCommand.Create());
        root.Subcommands.Add(K8sCommand.Create());
        root.Subcommands.Add(ProtoCommand.Create());
        return root;
    }
}
