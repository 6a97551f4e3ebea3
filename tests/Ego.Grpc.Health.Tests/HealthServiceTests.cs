using Ego.Grpc.Health.V1;
using ServingStatus = Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ego.Grpc.Health.Tests;

public sealed class HealthServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Check_RegisteredService_ReturnsItsStatus()
    {
        var registry = new HealthStatusRegistry();
        registry.Set("shop.Orders", ServingStatus.Serving);
        await using var server = await Testing.InMemoryGrpcServer.StartAsync(b => b.AddHealth(registry));

        var response = await server.CreateClient<V1.Health.HealthClient>().CheckAsync(new HealthCheckRequest { Service = "shop.Orders" });

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_NotFoundNamingIt()
    {
        await using var server = await Testing.InMemoryGrpcServer.StartAsync(b => b.AddHealth(new HealthStatusRegistry()));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient<V1.Health.HealthClient>().CheckAsync(new HealthCheckRequest { Service = "shop.Missing" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("shop.Missing", error.Status.Detail);
    }

    [Fact]
    public async Task Watch_StatusChanges_StreamsEachChange()
    {
        var registry = new HealthStatusRegistry();
        registry.Set("", ServingStatus.Serving);
        await using var server = await Testing.InMemoryGrpcServer.StartAsync(b => b.AddHealth(registry));
        using var cancellation = new CancellationTokenSource(Patience);
        using var watch = server.CreateClient<V1.Health.HealthClient>().Watch(new HealthCheckRequest(), cancellationToken: cancellation.Token);

        Assert.True(await watch.ResponseStream.MoveNext(cancellation.Token));
        var first = watch.ResponseStream.Current.Status;
        registry.Set("", ServingStatus.NotServing);
        Assert.True(await watch.ResponseStream.MoveNext(cancellation.Token));
        var second = watch.ResponseStream.Current.Status;

        Assert.Equal(ServingStatus.Serving, first);
        Assert.Equal(ServingStatus.NotServing, second);
    }

    [Fact]
    public async Task Watch_UnknownService_SendsServiceUnknownThenItsStatus()
    {
        var registry = new HealthStatusRegistry();
        await using var server = await Testing.InMemoryGrpcServer.StartAsync(b => b.AddHealth(registry));
        using var cancellation = new CancellationTokenSource(Patience);
        using var watch = server.CreateClient<V1.Health.HealthClient>().Watch(new HealthCheckRequest { Service = "shop.Later" }, cancellationToken: cancellation.Token);

        Assert.True(await watch.ResponseStream.MoveNext(cancellation.Token));
        var first = watch.ResponseStream.Current.Status;
        registry.Set("shop.Later", ServingStatus.Serving);
        Assert.True(await watch.ResponseStream.MoveNext(cancellation.Token));

        Assert.Equal(ServingStatus.ServiceUnknown, first);
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task List_ReturnsEveryRegisteredStatus()
    {
        var registry = new HealthStatusRegistry();
        registry.Set("", ServingStatus.Serving);
        registry.Set("shop.Orders", ServingStatus.NotServing);
        await using var server = await Testing.InMemoryGrpcServer.StartAsync(b => b.AddHealth(registry));

        var response = await server.CreateClient<V1.Health.HealthClient>().ListAsync(new HealthListRequest());

        Assert.Equal(ServingStatus.Serving, response.Statuses[""].Status);
        Assert.Equal(ServingStatus.NotServing, response.Statuses["shop.Orders"].Status);
    }
}
