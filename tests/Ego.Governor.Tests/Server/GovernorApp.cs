using System.Text.Json;
using Ego.Governor.Server;
using Ego.Grpc;
using Ego.Grpc.Health;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Tests.Server;

/// <summary>An application with the main HTTP port, a gRPC server and the governor, all on 127.0.0.1 with ephemeral ports.</summary>
internal sealed class GovernorApp : IAsyncDisposable
{
    private static readonly string[] Flags =
    [
        "--server.http.host=127.0.0.1", "--server.http.port=0",
        "--server.grpc.host=127.0.0.1", "--server.grpc.port=0",
        "--server.governor.host=127.0.0.1", "--server.governor.port=0",
        "--app.drainDelay=0s",
    ];

    private GovernorApp(EgoApplication app)
    {
        App = app;
        Governor = new HttpClient { BaseAddress = new Uri("http://" + app.Services.GetRequiredKeyedService<GovernorServer>(GovernorOptions.DefaultKey).Addresses[0]), Timeout = TimeSpan.FromSeconds(30) };
        Http = new HttpClient { BaseAddress = new Uri(app.Web!.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        GrpcAddress = app.Services.GetRequiredKeyedService<GrpcServer>("server.grpc").Addresses[0];
    }

    public EgoApplication App { get; }

    /// <summary>A client of the governor's port.</summary>
    public HttpClient Governor { get; }

    /// <summary>A client of the main HTTP port.</summary>
    public HttpClient Http { get; }

    public string GrpcAddress { get; }

    public static async Task<GovernorApp> StartAsync(
        Action<EgoApplicationBuilder, EgoGovernorBuilder>? configure = null,
        Action<EgoApplication>? map = null,
        string[]? flags = null,
        params (string Name, string Value)[] environment)
    {
        var variables = new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs"), ["EGO_NAME"] = "governor-test" };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var builder = EgoApplication.CreateBuilder([.. Flags, .. flags ?? []], variables);
        builder.Services.AddEgoGrpcServer().AddHealth();
        var governor = builder.Services.AddEgoGovernor();
        configure?.Invoke(builder, governor);
        var app = builder.Build();
        map?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new GovernorApp(app);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Governor.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Governor.Dispose();
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
