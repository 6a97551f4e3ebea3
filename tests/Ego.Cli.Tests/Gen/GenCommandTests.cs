namespace Ego.Cli.Tests.Gen;

public sealed class GenCommandTests : IDisposable
{
    private const string ProtoPath = "demo/src/Demo/Protos/demo/v1/greeter.proto";

    private const string NewRpcs = """
          // Says goodbye.
          rpc SayGoodbye(SayHelloRequest) returns (SayHelloResponse);
          // Streams greetings.
          rpc Watch(SayHelloRequest) returns (stream SayHelloResponse);
          // Uploads names.
          rpc Upload(stream SayHelloRequest) returns (SayHelloResponse);
          // Chats.
          rpc Chat(stream SayHelloRequest) returns (stream SayHelloResponse);
        }
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Gen_FreshService_WritesNothing()
    {
        await NewServiceAsync();

        var (code, output, error) = await GenAsync();

        Assert.True(code == 0, error);
        Assert.Contains("0 created, 0 updated, 0 unchanged, 0 kept", output);
    }

    [Fact]
    public async Task Gen_NewRpcs_WritesAStubAndATestPerRpcForEachStreamingKind()
    {
        await NewServiceAsync();
        AddRpcs();

        var (code, output, error) = await GenAsync();

        Assert.True(code == 0, error);
        Assert.Contains("created demo/src/Demo/Services/GreeterService.SayGoodbye.cs", Relative(output));
        Assert.Contains("public override Task<SayHelloResponse> SayGoodbye(SayHelloRequest request, ServerCallContext context)", temp.Read("demo/src/Demo/Services/GreeterService.SayGoodbye.cs"));
        Assert.Contains("public override async Task Watch(SayHelloRequest request, IServerStreamWriter<SayHelloResponse> responseStream, ServerCallContext context)", temp.Read("demo/src/Demo/Services/GreeterService.Watch.cs"));
        Assert.Contains("public override async Task<SayHelloResponse> Upload(IAsyncStreamReader<SayHelloRequest> requestStream, ServerCallContext context)", temp.Read("demo/src/Demo/Services/GreeterService.Upload.cs"));
        Assert.Contains("public override async Task Chat(IAsyncStreamReader<SayHelloRequest> requestStream, IServerStreamWriter<SayHelloResponse> responseStream, ServerCallContext context)", temp.Read("demo/src/Demo/Services/GreeterService.Chat.cs"));
        Assert.Contains("public sealed partial class GreeterService", temp.Read("demo/src/Demo/Services/GreeterService.Chat.cs"));
        var test = temp.Read("demo/tests/Demo.Tests/Greeter/SayGoodbyeTests.cs");
        Assert.Contains("InMemoryGrpcServer.StartAsync", test);
        Assert.Contains("var reply = await client.SayGoodbyeAsync(request);", test);
        Assert.DoesNotContain("Assert.Fail", test);
        Assert.False(File.Exists(temp.Path("demo/src/Demo/Services/GreeterService.SayHello.cs")));
        Assert.False(File.Exists(temp.Path("demo/tests/Demo.Tests/Greeter/SayHelloTests.cs")));
    }

    [Fact]
    public async Task Gen_SecondRun_ChangesNothing()
    {
        await NewServiceAsync();
        AddRpcs();
        await GenAsync();
        var before = Snapshot();

        var (code, output, _) = await GenAsync();

        Assert.Equal(0, code);
        Assert.Contains("0 created, 0 updated, 8 unchanged, 0 kept", output);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Gen_EditedFile_IsKept()
    {
        await NewServiceAsync();
        AddRpcs();
        await GenAsync();
        var stub = temp.Path("demo/src/Demo/Services/GreeterService.Watch.cs");
        var edited = File.ReadAllText(stub).Replace("// TODO: implement Watch: write each reply as it is ready.", "// streams one greeting", StringComparison.Ordinal);
        File.WriteAllText(stub, edited);

        var (code, output, _) = await GenAsync();

        Assert.Equal(0, code);
        Assert.Contains("kept demo/src/Demo/Services/GreeterService.Watch.cs (edited since generated; not overwritten)", Relative(output));
        Assert.Equal(edited, File.ReadAllText(stub));
    }

    [Fact]
    public async Task Gen_ChangedRpcOfUneditedStub_RewritesIt()
    {
        await NewServiceAsync();
        AddRpcs();
        await GenAsync();
        File.WriteAllText(temp.Path(ProtoPath), temp.Read(ProtoPath).Replace("rpc SayGoodbye(SayHelloRequest)", "rpc SayGoodbye(stream SayHelloRequest)", StringComparison.Ordinal));

        var (_, output, _) = await GenAsync();

        Assert.Contains("updated demo/src/Demo/Services/GreeterService.SayGoodbye.cs", Relative(output));
        Assert.Contains("IAsyncStreamReader<SayHelloRequest> requestStream", temp.Read("demo/src/Demo/Services/GreeterService.SayGoodbye.cs"));
    }

    [Fact]
    public async Task Gen_NewService_WritesItsClassAndSaysToRegisterIt()
    {
        await NewServiceAsync();
        File.AppendAllText(temp.Path(ProtoPath), "\n// Audits.\nservice Audit {\n  // Records.\n  rpc Record(SayHelloRequest) returns (SayHelloResponse);\n}\n");

        var (_, output, _) = await GenAsync();

        Assert.Contains("public sealed partial class AuditService : Audit.AuditBase", temp.Read("demo/src/Demo/Services/AuditService.cs"));
        Assert.Contains("namespace Demo.Services;", temp.Read("demo/src/Demo/Services/AuditService.Record.cs"));
        Assert.Contains("note: demo.v1.Audit: register AuditService", output);
    }

    [Fact]
    public async Task Gen_ClassNotPartial_ExplainsWhyThereIsNoStub()
    {
        await NewServiceAsync();
        AddRpcs();
        var service = temp.Path("demo/src/Demo/Services/GreeterService.cs");
        File.WriteAllText(service, File.ReadAllText(service).Replace("sealed partial class", "sealed class", StringComparison.Ordinal));

        var (_, output, _) = await GenAsync();

        Assert.Contains("demo.v1.Greeter/SayGoodbye: no stub, class GreeterService is not partial", output);
        Assert.False(File.Exists(temp.Path("demo/src/Demo/Services/GreeterService.SayGoodbye.cs")));
    }

    [Fact]
    public async Task Gen_ProtoNotCompiled_AddsAProtobufItem()
    {
        await NewServiceAsync();
        var project = temp.Path("demo/src/Demo/Demo.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<Protobuf Include=\"Protos/**/*.proto\" ProtoRoot=\"Protos\" GrpcServices=\"Both\" />", "", StringComparison.Ordinal));

        var (code, output, _) = await GenAsync();

        Assert.Equal(0, code);
        Assert.Contains("added <Protobuf Include>", output);
        Assert.Contains("<Protobuf Include=\"Protos/**/*.proto\" ProtoRoot=\"Protos\" GrpcServices=\"Both\" />", File.ReadAllText(project));
    }

    [Fact]
    public async Task Gen_MissingProtoDirectory_ExitsTwo()
    {
        await NewServiceAsync();

        var (code, _, error) = await GenAsync("--proto", temp.Path("none"));

        Assert.Equal(2, code);
        Assert.Contains("none: no such directory", error);
    }

    [Fact]
    public async Task Gen_NoProtoFiles_ExitsTwo()
    {
        await NewServiceAsync();
        Directory.CreateDirectory(temp.Path("empty"));

        var (code, _, error) = await GenAsync("--proto", temp.Path("empty"));

        Assert.Equal(2, code);
        Assert.Contains("empty: no .proto files", error);
    }

    [Fact]
    public async Task Gen_BrokenProto_ReportsTheSyntaxErrorAndExitsTwo()
    {
        await NewServiceAsync();
        File.AppendAllText(temp.Path(ProtoPath), "\nmessage {\n");

        var (code, _, error) = await GenAsync();

        Assert.Equal(2, code);
        Assert.Contains("greeter.proto:", error);
    }

    [Fact]
    public async Task Gen_OutputWithoutProject_ExitsTwo()
    {
        var (code, _, error) = await Egoctl.RunAsync("gen", "--output", temp.Root);

        Assert.Equal(2, code);
        Assert.Contains("holds no .csproj", error);
    }

    public void Dispose() => temp.Dispose();

    private async Task NewServiceAsync()
    {
        var (code, _, error) = await Egoctl.RunAsync("new", "demo", "-o", temp.Path("demo"));
        Assert.True(code == 0, error);
    }

    private Task<(int Code, string Output, string Error)> GenAsync(params string[] more)
        => Egoctl.RunAsync(["gen", "--output", temp.Path("demo", "src", "Demo"), .. more]);

    private void AddRpcs()
        => File.WriteAllText(temp.Path(ProtoPath), temp.Read(ProtoPath).Replace("  rpc SayHello(SayHelloRequest) returns (SayHelloResponse);\n}", "  rpc SayHello(SayHelloRequest) returns (SayHelloResponse);\n" + NewRpcs, StringComparison.Ordinal));

    private string Relative(string output) => output.Replace(Path.GetRelativePath(".", temp.Root).Replace('\\', '/') + "/", "", StringComparison.Ordinal);

    private Dictionary<string, (string Text, DateTime Written)> Snapshot()
        => Directory.EnumerateFiles(temp.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.ReadAllText(f), File.GetLastWriteTimeUtc(f)));
}
