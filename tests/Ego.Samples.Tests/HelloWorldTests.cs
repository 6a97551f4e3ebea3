using System.Net.Http.Json;
using System.Text.Json;
using Ego.Tests.Shared;

namespace Ego.Samples.Tests;

public sealed class HelloWorldTests : IDisposable
{
    private readonly string sampleDirectory = Path.Combine(ChildProcess.RepositoryRoot(), "samples", "HelloWorld");
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("ego-hello-").FullName;

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private string Dll => Path.Combine(sampleDirectory, "bin", ChildProcess.Configuration(), "net10.0", "helloworld.dll");

    private Dictionary<string, string> Environment => new() { ["EGO_LOG_PATH"] = Path.Combine(dataDirectory, "logs") };

    [Fact]
    public async Task Version_PrintsBuildTableWithGitVersion()
    {
        var (code, output) = await ChildProcess.RunAsync("dotnet", [Dll, "--version"], sampleDirectory, Environment);

        Assert.Equal(0, code);
        Assert.Contains("AppName       : helloworld", output);
        Assert.Matches(@"AppVersion    : [0-9a-f]{40}(-dirty)?\n", output);
        Assert.Matches(@"BuildStatus   : (Clean|Modified)\n", output);
        Assert.Contains("DotnetVersion : .NET 10", output);
    }

    [Fact]
    public async Task UnknownJob_ListsInstallAndInitialize()
    {
        var (code, output) = await ChildProcess.RunAsync("dotnet", [Dll, "--job=migrate"], sampleDirectory, Environment);

        Assert.NotEqual(0, code);
        Assert.Contains("registered jobs: initialize, install", output);
    }

    [Fact]
    public async Task BadConfigValue_FailsFastWithKey()
    {
        var (code, output) = await ChildProcess.RunAsync("dotnet", [Dll, "--hello.cacheTtl=soon", "--dump-config"], sampleDirectory, Environment);

        Assert.Equal(1, code);
        Assert.Contains("panic:", output);
        Assert.Contains("key: hello", output);
        Assert.Contains("'soon' is not a duration", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task InstallThenServe_GreetsAndCountsUntilSigterm()
    {
        var database = "--hello.database=" + Path.Combine(dataDirectory, "hello.db");
        var install = await ChildProcess.RunAsync("dotnet", [Dll, "--job=install", database], sampleDirectory, Environment);
        Assert.Equal(0, install.ExitCode);

        int port = ChildProcess.FreePort(), governorPort = ChildProcess.FreePort();
        await using var service = ChildProcess.Start("dotnet", [Dll, database, "--logger.ego.writer=file", "--server.http.host=127.0.0.1", $"--server.http.port={port}", "--server.governor.host=127.0.0.1", $"--server.governor.port={governorPort}"], sampleDirectory, Environment);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilServingAsync(client, service);

        var first = await client.GetFromJsonAsync<JsonElement>("/hello?name=ada");
        var second = await client.GetFromJsonAsync<JsonElement>("/hello?name=ada");
        var count = await client.GetFromJsonAsync<JsonElement>("/hello/ada/count");

        Assert.Equal("Hello ada", first.GetProperty("message").GetString());
        Assert.Equal(1, first.GetProperty("greeted").GetInt64());
        Assert.Equal(2, second.GetProperty("greeted").GetInt64());
        Assert.Equal(2, count.GetProperty("greeted").GetInt64());
        Assert.Equal(0, await service.TerminateAsync());
        var frameworkLog = File.ReadAllLines(Path.Combine(dataDirectory, "logs", "ego.sys")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(frameworkLog, line => line.GetProperty("lv").GetString() == "info" && line.GetProperty("msg").GetString()!.StartsWith("app helloworld started on http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(frameworkLog, line => line.GetProperty("msg").GetString() == "app helloworld stopped");
    }

    [Fact]
    public async Task Grpc_GreeterHealthAndReflection_ServeOnTheGrpcPort()
    {
        var database = "--hello.database=" + Path.Combine(dataDirectory, "hello.db");
        Assert.Equal(0, (await ChildProcess.RunAsync("dotnet", [Dll, "--job=install", database], sampleDirectory, Environment)).ExitCode);
        int httpPort = ChildProcess.FreePort(), grpcPort = ChildProcess.FreePort();
        await using var service = ChildProcess.Start("dotnet", [Dll, database, "--host=127.0.0.1", "--server.http.host=127.0.0.1", $"--server.http.port={httpPort}", "--server.grpc.host=", $"--server.grpc.port={grpcPort}", "--server.governor.host=127.0.0.1", $"--server.governor.port={ChildProcess.FreePort()}"], sampleDirectory, Environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await WaitUntilServingAsync(http, service);
        using var channel = Ego.Grpc.GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var invoker = channel.CreateCallInvoker();

        var reply = await new HelloWorld.Grpc.Greeter.GreeterClient(invoker).SayHelloAsync(new HelloWorld.Grpc.HelloRequest { Name = "grace" });
        var health = await new Ego.Grpc.Health.V1.Health.HealthClient(invoker).CheckAsync(new Ego.Grpc.Health.V1.HealthCheckRequest { Service = "helloworld.Greeter" });
        using var reflection = new Ego.Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(invoker).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new Ego.Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Equal("Hello grace (greeted 1 times)", reply.Message);
        Assert.Equal(Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "helloworld.Greeter"], services);
        Assert.Equal(0, await service.TerminateAsync());
    }

    [Fact]
    public async Task Governor_ProbesJobsAndOwnRoute_ServeOnTheGovernorPortOnly()
    {
        var database = "--hello.database=" + Path.Combine(dataDirectory, "hello.db");
        Assert.Equal(0, (await ChildProcess.RunAsync("dotnet", [Dll, "--job=install", database], sampleDirectory, Environment)).ExitCode);
        int httpPort = ChildProcess.FreePort(), grpcPort = ChildProcess.FreePort(), governorPort = ChildProcess.FreePort();
        await using var service = ChildProcess.Start("dotnet", [Dll, database, "--host=127.0.0.1", $"--server.http.port={httpPort}", $"--server.grpc.port={grpcPort}", $"--server.governor.port={governorPort}", "--app.drainDelay=0s"], sampleDirectory, Environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        using var governor = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{governorPort}") };
        await WaitUntilServingAsync(http, service);
        await WaitUntilReadyAsync(http);
        (await http.GetAsync("/hello?name=ada")).Dispose();

        using var ready = await governor.GetAsync("/health/ready");
        var jobs = await governor.GetFromJsonAsync<JsonElement>("/job/list");
        var greetings = await governor.GetFromJsonAsync<JsonElement>("/greetings/ada");
        using var governorOnHttp = await http.GetAsync("/greetings/ada");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(["initialize", "install"], jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()));
        Assert.Equal(1, greetings.GetProperty("greeted").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, governorOnHttp.StatusCode);
        Assert.Equal(0, await service.TerminateAsync());
    }

    /// <summary>The main port's X-Health-Check probe answers 200 once every server, the governor last, has started.</summary>
    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            using var probe = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "X-Health-Check", "1" } } };
            using var response = await client.SendAsync(probe);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the service never became ready");
    }

    private static async Task WaitUntilServingAsync(HttpClient client, ChildProcess service)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/hello/probe/count");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("HelloWorld did not start serving within 15s; it printed:\n" + service.Output);
    }
}
