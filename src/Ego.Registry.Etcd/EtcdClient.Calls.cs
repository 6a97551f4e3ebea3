using Ego.Grpc;
using Ego.Registry.Etcd.Internal;
using Ego.Registry.Etcd.Protocol;

namespace Ego.Registry.Etcd;

public sealed partial class EtcdClient
{
    /// <summary>
    /// Runs a unary call on the current member, moving to the next member on UNAVAILABLE until every member was tried,
    /// and authenticating again once when the member rejects its token.
    /// </summary>
    private async Task<TResponse> CallAsync<TResponse>(Func<EtcdMember, CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        RpcException? last = null;
        for (var attempt = 0; attempt < members.Length; attempt++)
        {
            var index = Volatile.Read(ref current);
            var member = members[index % members.Length];
            for (var auth = 0; ; auth++)
            {
                try
                {
                    var options = await CallOptionsAsync(member, Options.ReadTimeout, cancellationToken).ConfigureAwait(false);
                    return await call(member, options).ResponseAsync.ConfigureAwait(false);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(exception.Message, exception, cancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Unauthenticated && member.Token is not null && auth == 0)
                {
                    member.Token = null;
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && !cancellationToken.IsCancellationRequested)
                {
                    last = exception;
                    MemberFailed(index, exception);
                    break;
                }
            }
        }

        throw new RpcException(new Status(StatusCode.Unavailable, $"no etcd member reachable ({string.Join(", ", members.Select(m => m.Address))}): {last?.Status.Detail}", last));
    }

    /// <summary>Opens a bidirectional stream on the current member; the caller reports a failure with <see cref="MemberFailed"/>.</summary>
    internal async Task<(AsyncDuplexStreamingCall<TRequest, TResponse> Call, int Member)> OpenStreamAsync<TRequest, TResponse>(
        Func<EtcdMember, CallOptions, AsyncDuplexStreamingCall<TRequest, TResponse>> open, CancellationToken cancellationToken)
    {
        var index = Volatile.Read(ref current);
        var member = members[index % members.Length];
        var options = await CallOptionsAsync(member, null, cancellationToken).ConfigureAwait(false);
        return (open(member, options), index);
    }

    /// <summary>
    /// What a failed stream says about its member: UNAVAILABLE moves on to the next member, UNAUTHENTICATED (an expired
    /// token) authenticates again on the next stream.
    /// </summary>
    internal void StreamFailed(int index, RpcException exception)
    {
        if (exception.StatusCode == StatusCode.Unavailable)
        {
            MemberFailed(index, exception);
        }
        else if (exception.StatusCode == StatusCode.Unauthenticated)
        {
            members[index % members.Length].Token = null;
        }
    }

    /// <summary>Moves on to the next member unless another call already did.</summary>
    internal void MemberFailed(int index, Exception exception)
    {
        if (Interlocked.CompareExchange(ref current, index + 1, index) == index && members.Length > 1)
        {
            EtcdLog.MemberUnavailable(Logger, members[index % members.Length].Address, members[(index + 1) % members.Length].Address, exception.Message);
        }
    }

    private async ValueTask<CallOptions> CallOptionsAsync(EtcdMember member, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        DateTime? deadline = timeout is { } t ? timeProvider.GetUtcNow().UtcDateTime + t : null;
        if (Options.Username.Length == 0)
        {
            return new CallOptions(deadline: deadline, cancellationToken: cancellationToken);
        }

        if (member.Token is null)
        {
            var request = new AuthenticateRequest { Name = Options.Username, Password = Options.Password };
            var authOptions = new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + Options.ReadTimeout, cancellationToken: cancellationToken);
            var response = await member.Auth.AuthenticateAsync(request, authOptions).ResponseAsync.ConfigureAwait(false);
            member.Token = response.Token;
        }

        return new CallOptions(new Metadata { { "token", member.Token } }, deadline, cancellationToken);
    }
}
