using Ego.Components;
using Ego.Grpc;
using Ego.Grpc.Errors;
using Ego.Resilience.LoadShedding;
using Ego.Resilience.Server.Internal;
using Ego.Resilience.Timeouts;
using Ego.Resilience.Timeouts.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Resilience.Server;

/// <summary>
/// A gRPC server's traffic governance, in order: concurrency cap, load shedding, rate limit, deadline, isolation.
/// Refusals are RESOURCE_EXHAUSTED (limited) or UNAVAILABLE (shed) with a google.rpc.RetryInfo detail. Add it first
/// among the server's interceptors (<see cref="ServerResilienceExtensions"/> does).
/// </summary>
public sealed class GrpcServerResilienceInterceptor : Interceptor, IDisposable
{
    private readonly ServerGovernance governance;

    internal GrpcServerResilienceInterceptor(ServerGovernance governance) => this.governance = governance;

    /// <summary>The rules in force (<c>null</c> when rate limiting is off); <see cref="RateLimiting.RateLimitRulesWatcher.Reload"/> re-reads them.</summary>
    public RateLimiting.RateLimitRulesWatcher? Rules => governance.Rules;

    /// <summary>The shedder (<c>null</c> when shedding is off).</summary>
    public LoadShedding.AdaptiveShedder? Shedder => governance.Shedder;

    /// <summary>The figures the governor shows.</summary>
    public ServerResilienceStats Stats => new(governance);

    internal ServerGovernance Governance => governance;

    /// <summary>An interceptor with options made in code, for servers built with <see cref="GrpcServer.CreateBuilder"/>.</summary>
    /// <param name="name">The server's config key, used in metrics, logs and timeout keys.</param>
    /// <param name="options">What to govern.</param>
    /// <param name="cpu">The CPU figure of the shedder; the container's by default.</param>
    /// <param name="timeProvider">The clock of limiters, shedder and deadlines.</param>
    /// <param name="loggerFactory">Where timeouts and rule reloads are logged.</param>
    /// <param name="watchRules">Re-reads the rules file when it changes.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names every invalid option.</exception>
    /// <exception cref="RateLimiting.RateLimitRulesException">The rules file is invalid.</exception>
    public static GrpcServerResilienceInterceptor Create(string name, ServerResilienceOptions options, ICpuUsageSource? cpu = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, bool watchRules = true) =>
        new(CreateGovernance("grpc", name, options, cpu, timeProvider, loggerFactory, watchRules));

    internal static ServerGovernance CreateGovernance(string type, string name, ServerResilienceOptions options, ICpuUsageSource? cpu, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, bool watchRules)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ComponentOptionError>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid resilience options of {name}: " + string.Join("; ", errors), nameof(options));
        }

        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Ego.Resilience.Server");
        return new ServerGovernance(type, name, options, cpu ?? (options.EnableShedding ? new CgroupCpuUsageSource(time) : new NoCpuUsage()), time, logger, watchRules);
    }

    // Not async: a handler that completes synchronously passes without a state machine.
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var method = context.Method;
        if (!governance.TryAdmit(method, out var admission, out var rejection))
        {
            // A faulted task rather than a throw: under overload most calls end here, and a throw costs more than the refusal.
            return Task.FromException<TResponse>(GrpcRejections.Create(context, rejection));
        }

        return admission.Standby is null ? Handle(request, context, continuation, admission) : SettleAsync(request, context, continuation, admission);
    }

    private Task<TResponse> Handle<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation, in Admission admission)
        where TRequest : class
        where TResponse : class
    {
        var method = context.Method;
        if (governance.Timeouts.TryGetQueue(method, out var queue) && Sooner(context, queue.Setting))
        {
            return HandleWithDeadline(request, context, continuation, queue, admission);
        }

        Task<TResponse> handling;
        try
        {
            handling = continuation(request, context);
        }
        catch (Exception exception)
        {
            End(method, admission, exception);
            throw;
        }

        if (handling.IsCompletedSuccessfully)
        {
            governance.Release(admission, passed: true);
            return handling;
        }

        return EndAsync(handling, method, admission);
    }

    private async Task<TResponse> SettleAsync<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation, Admission standby)
        where TRequest : class
        where TResponse : class
    {
        var (admitted, admission, rejection) = await governance.SettleAsync(context.Method, standby).ConfigureAwait(false);
        if (!admitted)
        {
            throw GrpcRejections.Create(context, rejection);
        }

        return await Handle(request, context, continuation, admission).ConfigureAwait(false);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        StreamAsync(context, scoped => continuation(requestStream, scoped));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        StreamAsync(context, async scoped =>
        {
            await continuation(request, responseStream, scoped).ConfigureAwait(false);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        StreamAsync(context, async scoped =>
        {
            await continuation(requestStream, responseStream, scoped).ConfigureAwait(false);
            return true;
        });

    public void Dispose() => governance.Dispose();

    private async Task<TResponse> EndAsync<TResponse>(Task<TResponse> handling, string method, Admission admission)
    {
        try
        {
            var response = await handling.ConfigureAwait(false);
            governance.Release(admission, passed: true);
            return response;
        }
        catch (Exception exception)
        {
            End(method, admission, exception);
            throw;
        }
    }

    // Nothing waits on the deadline unless the handler does (DeadlineCallContext): a handler that completes at once
    // costs the call context only, and one still running joins the deadline queue, with no timer of its own and no
    // state machine here.
    private Task<TResponse> HandleWithDeadline<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation, DeadlineQueue queue, in Admission admission)
        where TRequest : class
        where TResponse : class
    {
        var call = new DeadlineCallContext(context, queue, Start(admission));
        Task<TResponse> handling;
        try
        {
            handling = continuation(request, call);
        }
        catch (Exception exception)
        {
            call.TryFinish();
            var outcome = Ended(call, admission, exception);
            if (ReferenceEquals(outcome, exception))
            {
                throw;
            }

            throw outcome;
        }

        if (!handling.IsCompleted)
        {
            var reply = new DeadlineReply<TResponse>(this, call, admission, handling);
            call.Await(reply);
            handling.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(reply.OnHandled);
            return reply.Task;
        }

        call.TryFinish();
        if (handling.IsCompletedSuccessfully)
        {
            governance.Release(admission, passed: true);
            return handling;
        }

        var failure = handling.IsCanceled ? new TaskCanceledException(handling) : handling.Exception!.InnerException!;
        var ended = Ended(call, admission, failure);
        return ReferenceEquals(ended, failure) ? handling : Task.FromException<TResponse>(ended);
    }

    // What a call that failed under a deadline ends with: DEADLINE_EXCEEDED when the deadline cancelled it, else its own error.
    private Exception Ended(DeadlineCallContext call, in Admission admission, Exception exception)
    {
        if (call.HasExpired && IsCancellation(exception))
        {
            governance.Release(admission, passed: false);
            return DeadlineExceeded(call.Method, call.Setting);
        }

        End(call.Method, admission, exception);
        return exception;
    }

    // The deadline counts from admission; the shedder already read the clock then (a settled call's start is when it
    // settled; zero, never expected here, would be a call still on standby).
    private long Start(in Admission admission) =>
        admission.Shedding && admission.ShedStart != 0 ? admission.ShedStart : governance.TimeProvider.GetTimestamp();

    private async Task<TResult> StreamAsync<TResult>(ServerCallContext context, Func<ServerCallContext, Task<TResult>> run)
    {
        var method = context.Method;
        if (!governance.TryAdmit(method, out var admission, out var rejection))
        {
            throw GrpcRejections.Create(context, rejection);
        }

        if (admission.Standby is not null)
        {
            (var admitted, admission, rejection) = await governance.SettleAsync(method, admission).ConfigureAwait(false);
            if (!admitted)
            {
                throw GrpcRejections.Create(context, rejection);
            }
        }

        var call = governance.Timeouts.TryGetQueue(method, out var queue) && Sooner(context, queue.Setting)
            ? new DeadlineCallContext(context, queue, Start(admission))
            : null;
        try
        {
            var result = await run(call ?? context).ConfigureAwait(false);
            governance.Release(admission, passed: true);
            return result;
        }
        catch (Exception exception) when (call is { HasExpired: true } && IsCancellation(exception))
        {
            governance.Release(admission, passed: false);
            throw DeadlineExceeded(method, call.Setting);
        }
        catch (Exception exception)
        {
            End(method, admission, exception);
            throw;
        }
        finally
        {
            call?.TryFinish();
        }
    }

    private RpcException DeadlineExceeded(string method, in TimeoutSetting setting)
    {
        var text = TimeoutPolicy.Describe(setting);
        governance.TimedOut(method, text);
        return new RpcException(new Status(StatusCode.DeadlineExceeded, text));
    }

    private void End(string method, in Admission admission, Exception exception)
    {
        governance.Release(admission, passed: false);
        if (exception is not (RpcException or EgoError or OperationCanceledException))
        {
            governance.Caught(method);
        }
    }

    private bool Sooner(ServerCallContext context, in TimeoutSetting setting) =>
        context.Deadline == DateTime.MaxValue || context.Deadline - governance.TimeProvider.GetUtcNow().UtcDateTime > setting.Timeout;

    private static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled or StatusCode.DeadlineExceeded };

    /// <summary>
    /// The answer of a unary call whose handler is still running under a configured deadline: the handler's result when
    /// it ends first, DEADLINE_EXCEEDED when the deadline passes first (the handler is then left to its cancelled token).
    /// </summary>
    private sealed class DeadlineReply<TResponse>(GrpcServerResilienceInterceptor owner, DeadlineCallContext call, Admission admission, Task<TResponse> handling)
        : TaskCompletionSource<TResponse>, IDeadlineListener
    {
        // The deadline is answered on the thread pool; its log line belongs to the call's trace.
        private readonly ExecutionContext? callContext = ExecutionContext.Capture();

        public void OnHandled()
        {
            if (!call.TryFinish())
            {
                // The deadline answered first; what the handler ended with is observed and dropped.
                _ = handling.Exception;
                return;
            }

            if (handling.IsCompletedSuccessfully)
            {
                owner.governance.Release(admission, passed: true);
                TrySetResult(handling.Result);
            }
            else if (handling.IsCanceled)
            {
                owner.governance.Release(admission, passed: false);
                TrySetCanceled();
            }
            else
            {
                owner.End(call.Method, admission, handling.Exception!.InnerException!);
                TrySetException(handling.Exception.InnerExceptions);
            }
        }

        public void OnDeadline(DeadlineCallContext expired)
        {
            if (callContext is null)
            {
                Expire();
            }
            else
            {
                ExecutionContext.Run(callContext, static state => ((DeadlineReply<TResponse>)state!).Expire(), this);
            }
        }

        private void Expire()
        {
            owner.governance.Release(admission, passed: false);
            TrySetException(owner.DeadlineExceeded(call.Method, call.Setting));
        }
    }
}
