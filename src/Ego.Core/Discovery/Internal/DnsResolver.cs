using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Ego.Discovery.Internal;

/// <summary>
/// <c>dns:///host:port</c>: every address of the host, looked up again every <c>interval</c> and soon after
/// <see cref="Refresh"/> (at most once a second). A failed lookup keeps the last set.
/// </summary>
internal sealed class DnsResolver(ResolverTarget target, string host, int port, TimeSpan interval, TimeProvider timeProvider,
    Func<string, CancellationToken, Task<IPAddress[]>> lookup) : IServiceResolver
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _refresh = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ResolverTarget Target => target;

    /// <exception cref="FormatException">The endpoint is not <c>host:port</c>.</exception>
    public static DnsResolver Create(ResolverTarget target, TimeSpan interval, TimeProvider timeProvider, Func<string, CancellationToken, Task<IPAddress[]>>? lookup = null)
    {
        var endpoint = target.Endpoint;
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || colon <= endpoint.LastIndexOf(']') || !int.TryParse(endpoint.AsSpan(colon + 1), out var port) || port is <= 0 or > 65535)
        {
            throw new FormatException($"addr '{target.Original}': expected dns:///host:port, e.g. dns:///orders.shop.svc:9002");
        }

        return new DnsResolver(target, endpoint[..colon].Trim('[', ']'), port, interval, timeProvider, lookup ?? Dns.GetHostAddressesAsync);
    }

    public async IAsyncEnumerable<IReadOnlyList<ServiceEndpoint>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<ServiceEndpoint>? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var endpoints = await LookupAsync(cancellationToken).ConfigureAwait(false);
            // A name that does not resolve at first means no instance yet; later failures keep the last set.
            endpoints ??= last is null ? [] : null;
            if (endpoints is not null && (last is null || !endpoints.SequenceEqual(last)))
            {
                last = endpoints;
                yield return endpoints;
            }

            if (!await WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    public void Refresh() => _refresh.Writer.TryWrite(true);

    public ValueTask DisposeAsync()
    {
        _refresh.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<ServiceEndpoint>?> LookupAsync(CancellationToken cancellationToken)
    {
        try
        {
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await lookup(host, cancellationToken).ConfigureAwait(false);
            return [.. addresses.Select(a => a.ToString()).Distinct().Order(StringComparer.Ordinal).Select(a => new ServiceEndpoint(a, port))];
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Waits for the period or a refresh request; false when cancelled or disposed.</summary>
    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, timeProvider);
        using var period = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _refresh.Reader.ReadAsync(period.Token).ConfigureAwait(false);
            await Task.Delay(MinimumGap, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }
}
