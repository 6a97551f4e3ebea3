using Ego.Grpc;

namespace Ego.Resilience.Tests.Client.Support;

/// <summary>A unary continuation answering each attempt from a script: a status code, or OK with the attempt number.</summary>
internal sealed class ScriptedDownstream(params StatusCode[] script)
{
    private readonly List<TaskCompletionSource<string>> pending = [];
    private readonly TaskCompletionSource[] started = [.. Enumerable.Range(0, 16).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Completes when attempt <paramref name="index"/> (0-based) has been sent.</summary>
    public Task Started(int index) => started[index].Task;

    /// <summary>When set, attempts stay pending until <see cref="Answer"/> is called.</summary>
    public bool Manual { get; init; }

    public List<CancellationToken> Tokens { get; } = [];

    public AsyncUnaryCall<string> Call(string request, ClientInterceptorContext<string, string> context)
    {
        var attempt = Interlocked.Increment(ref attempts) - 1;
        lock (Tokens)
        {
            Tokens.Add(context.Options.CancellationToken);
        }

        var code = attempt < script.Length ? script[attempt] : StatusCode.OK;
        Task<string> response;
        if (Manual)
        {
            var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (pending)
            {
                pending.Add(source);
            }

            response = source.Task;
        }
        else
        {
            response = code == StatusCode.OK ? Task.FromResult($"{request}#{attempt + 1}") : Task.FromException<string>(new RpcException(new Status(code, "scripted")));
        }

        started[attempt].TrySetResult();
        return new AsyncUnaryCall<string>(response, Task.FromResult(new Metadata()), () => new Status(code, ""), () => new Metadata(), () => { });
    }

    /// <summary>Ends pending attempt <paramref name="index"/> (0-based) with <paramref name="code"/>.</summary>
    public void Answer(int index, StatusCode code)
    {
        TaskCompletionSource<string> source;
        lock (pending)
        {
            source = pending[index];
        }

        if (code == StatusCode.OK)
        {
            source.TrySetResult($"answer#{index + 1}");
        }
        else
        {
            source.TrySetException(new RpcException(new Status(code, "scripted")));
        }
    }
}
