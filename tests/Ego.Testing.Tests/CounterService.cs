using Ego.Grpc;
using Ego.Testing.Tests.V1;

namespace Ego.Testing.Tests;

/// <summary>The service under test: each kind of call, plus a deadline-aware wait.</summary>
internal sealed class CounterService : Counter.CounterBase
{
    public override async Task<Count> Increment(Count request, ServerCallContext context)
    {
        if (request.Value < 0)
        {
            // Waits for the caller's deadline or cancellation: lets tests see DEADLINE_EXCEEDED end to end.
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        context.ResponseTrailers.Add("x-served-by", "counter");
        return new Count { Value = request.Value + 1 };
    }

    public override async Task CountUp(Count request, IServerStreamWriter<Count> responseStream, ServerCallContext context)
    {
        for (var i = 1; i <= request.Value; i++)
        {
            await responseStream.WriteAsync(new Count { Value = i }, context.CancellationToken);
        }
    }

    public override async Task<Count> Sum(IAsyncStreamReader<Count> requestStream, ServerCallContext context)
    {
        var sum = 0;
        await foreach (var count in requestStream.ReadAllAsync(context.CancellationToken))
        {
            sum += count.Value;
        }

        return new Count { Value = sum };
    }

    public override async Task Echo(IAsyncStreamReader<Count> requestStream, IServerStreamWriter<Count> responseStream, ServerCallContext context)
    {
        await foreach (var count in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new Count { Value = count.Value + 1 }, context.CancellationToken);
        }
    }
}
