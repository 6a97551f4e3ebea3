using Ego.Governor.Server;
using Ego.Grpc;
using Ego.Grpc.Health;
using Ego.Grpc.Reflection;
using Ego.Hosting;
using Ego.Resilience.Client;
using Ego.Resilience.Server;
using HelloWorld;

var builder = EgoApplication.CreateBuilder(args);

builder.AddOptions<HelloOptions>("hello");
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<GreetingStore>();
builder.Services.AddEgoGrpcServer("server.grpc").AddResilience().AddService<GreeterService>().AddHealth().AddReflection();

// Traffic governance from the servers' and clients' own sections: load shedding on, limits and timeouts when configured.
builder.AddHttpResilience();
builder.Services.AddEgoClientResilience();

// Probes, metrics, build info, routes and jobs on the governor port (9003), plus a route of our own there.
builder.Services.AddEgoGovernor().MapRoutes(governor => governor.MapGet("/greetings/{name}",
    async (string name, GreetingStore store, CancellationToken ct) => new { name, greeted = await store.CountAsync(name, ct) }));

builder.AddJob("install", (job, ct) => job.Services.GetRequiredService<GreetingStore>().InstallAsync(ct), "create the SQLite schema");
builder.AddJob("initialize", (job, ct) => job.Services.GetRequiredService<GreetingStore>().InitializeAsync(ct), "seed the first greeting");

var app = builder.Build();

app.MapGet("/hello", async (string? name, GreetingStore store, CancellationToken ct) =>
{
    name = string.IsNullOrWhiteSpace(name) ? "world" : name;
    var count = await store.GreetAsync(name, ct);
    return Results.Ok(new { message = $"Hello {name}", greeted = count });
});

app.MapGet("/hello/{name}/count", async (string name, GreetingStore store, CancellationToken ct)
    => Results.Ok(new { name, greeted = await store.CountAsync(name, ct) }));

return await app.RunAsync();
