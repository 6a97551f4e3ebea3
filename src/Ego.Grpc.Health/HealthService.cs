using System.Threading.Channels;
using Ego.Grpc.Health.V1;
using ServingStatus = Ego.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ego.Grpc.Health;

/// <summary>grpc.health.v1.Health over a <see cref="HealthStatusRegistry"/>.</summary>
public sealed class HealthService(HealthStatusRegistry registry) : V1.Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = registry.Get(request.Service)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"service '{request.Service}' is not registered for health checks"));
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        // Latest-wins: a slow watcher sees the newest status, never an unbounded backlog.
        var updates = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        using var subscription = registry.Subscribe(request.Service, status => updates.Writer.TryWrite(status));
        var last = registry.Get(request.Service) ?? ServingStatus.ServiceUnknown;
        await responseStream.WriteAsync(new HealthCheckResponse { Status = last }, context.CancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var status in updates.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (status != last)
                {
                    last = status;
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller stopped watching: the normal end of a Watch.
        }
    }

    public override Task<HealthListResponse> List(HealthListRequest request, ServerCallContext context)
    {
        var response = new HealthListResponse();
        foreach (var (service, status) in registry.Snapshot())
        {
            response.Statuses[service] = new HealthCheckResponse { Status = status };
        }

        return Task.FromResult(response);
    }
}
