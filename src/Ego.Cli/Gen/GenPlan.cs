using Ego.Cli.Internal;
using Ego.Proto;
using Ego.Proto.Syntax;

namespace Ego.Cli.Gen;

/// <summary>
/// What <c>egoctl gen</c> writes for a project: a partial service class for each service with no implementation yet,
/// a stub per rpc not implemented anywhere, and a test skeleton per rpc no test calls yet.
/// </summary>
internal sealed class GenPlan
{
    public List<KeyValuePair<string, string>> Files { get; } = [];

    /// <summary>Things the user has to do or know: services to register, rpcs that could not get a stub.</summary>
    public List<string> Notes { get; } = [];

    public static GenPlan Create(GenProject project, ProtoSet protos)
    {
        var plan = new GenPlan();
        var sources = CSharpSource.Load(project.Directory);
        var tests = CSharpSource.Load(project.TestsDirectory);
        if (project.TestsDirectory is null)
        {
            plan.Notes.Add($"no test project found (tests/{Path.GetFileNameWithoutExtension(project.ProjectFile)}.Tests): pass --tests DIR for test skeletons");
        }

        foreach (var file in protos.Files)
        {
            foreach (var service in file.Services)
            {
                plan.AddService(project, file, protos.Files, service, sources, tests);
            }
        }

        return plan;
    }

    private void AddService(GenProject project, ProtoFile file, IReadOnlyList<ProtoFile> files, ProtoService service, IReadOnlyList<CSharpSource> sources, IReadOnlyList<CSharpSource> tests)
    {
        var fullService = file.PackageName.Length > 0 ? $"{file.PackageName}.{service.Name}" : service.Name;
        var implementation = ServiceImplementation.Find(sources.Where(s => !s.UneditedGenerated).ToList(), service.Name);
        var generatedClass = ServiceImplementation.Find(sources, service.Name);
        var className = implementation?.ClassName ?? generatedClass?.ClassName
            ?? (service.Name.EndsWith("Service", StringComparison.Ordinal) ? service.Name + "Impl" : service.Name + "Service");
        var serviceNamespace = implementation?.Namespace ?? generatedClass?.Namespace ?? project.RootNamespace + ".Services";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ProtoNamespace"] = ProtoCSharpNames.Namespace(file),
            ["Namespace"] = serviceNamespace,
            ["ServiceNamespace"] = serviceNamespace,
            ["TestNamespace"] = project.TestsNamespace ?? "",
            ["FullService"] = fullService,
            ["Service"] = service.Name,
            ["Class"] = className,
        };

        var canStub = true;
        if (implementation is null)
        {
            Files.Add(new(Path.Join(project.Directory, "Services", className + ".cs"), Render("ServiceClass.cs", values)));
            Notes.Add($"{fullService}: register {className} on the gRPC server, e.g. AddEgoGrpcServer(\"server.grpc\").AddService<{className}>()");
        }
        else if (!implementation.IsPartial)
        {
            canStub = false;
        }

        foreach (var rpc in service.Rpcs)
        {
            var kind = rpc switch
            {
                { RequestStream: true, ResponseStream: true } => "duplex",
                { RequestStream: true } => "clientStreaming",
                { ResponseStream: true } => "serverStreaming",
                _ => "unary",
            };
            var rpcValues = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                ["Rpc"] = rpc.Name,
                ["Request"] = ProtoCSharpNames.Type(rpc.RequestType, file, files),
                ["Response"] = ProtoCSharpNames.Type(rpc.ResponseType, file, files),
                ["TestClass"] = service.Name + rpc.Name + "Tests",
            };

            var stubPath = Path.Join(project.Directory, "Services", $"{className}.{rpc.Name}.cs");
            if (!ServiceImplementation.Overrides(sources, rpc.Name, stubPath))
            {
                if (canStub)
                {
                    Files.Add(new(stubPath, Render("RpcStub.cs", rpcValues, kind)));
                }
                else
                {
                    Notes.Add($"{fullService}/{rpc.Name}: no stub, class {implementation!.ClassName} is not partial: make it partial or implement the rpc yourself");
                }
            }

            if (project.TestsDirectory is not null)
            {
                var testPath = Path.Join(project.TestsDirectory, service.Name, rpc.Name + "Tests.cs");
                if (!ServiceImplementation.IsCalled(tests, rpc.Name, testPath))
                {
                    Files.Add(new(testPath, Render("RpcTest.cs", rpcValues, kind)));
                }
            }
        }
    }

    private static string Render(string template, IReadOnlyDictionary<string, string> values, params string[] flags)
        => TemplateRenderer.Render(EmbeddedTemplates.Read("gen/" + template), values, flags.ToHashSet(StringComparer.Ordinal));
}
