using System.Diagnostics;

namespace Ego.Grpc.Tracing;

/// <summary>A client span ended exactly once, by whichever comes first: the response, the stream's end, an error or disposal.</summary>
internal sealed class ClientSpan(Activity activity)
{
    private int ended;

    public Activity Activity => activity;

    public void End(StatusCode code, string? detail)
    {
        if (Interlocked.Exchange(ref ended, 1) != 0)
        {
            return;
        }

        GrpcSpans.SetStatus(activity, code, detail);
        activity.Stop();
    }

    public void End(Exception exception)
    {
        var (code, detail) = GrpcSpans.StatusOf(exception);
        End(code, detail);
    }

    public async Task<T> EndWith<T>(Task<T> response)
    {
        try
        {
            var result = await response.ConfigureAwait(false);
            End(StatusCode.OK, null);
            return result;
        }
        catch (Exception exception)
        {
            End(exception);
            throw;
        }
    }
}
