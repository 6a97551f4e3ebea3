using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Internal.Server;

/// <summary>Binds a service resolved from DI per call (in its own scope), calling its methods through open delegates made once.</summary>
internal sealed class ActivatedServiceBinder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TService>(ServerMethodTable table, IServiceProvider provider)
    : MethodTableBinder(table)
    where TService : class
{
    protected override UnaryServerMethod<TRequest, TResponse> CreateUnary<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var invoke = Find<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(method, typeof(TRequest), typeof(ServerCallContext));
        // Not async: a handler that completes synchronously, in a scope that disposes synchronously, costs no state machine.
        return (request, context) =>
        {
            var scope = provider.CreateAsyncScope();
            Task<TResponse> handling;
            try
            {
                handling = invoke(scope.ServiceProvider.GetRequiredService<TService>(), request, context);
            }
            catch (Exception exception)
            {
                return DisposeThenFail<TResponse>(scope, ExceptionDispatchInfo.Capture(exception));
            }

            if (!handling.IsCompletedSuccessfully)
            {
                return AwaitThenDispose(handling, scope);
            }

            var disposing = scope.DisposeAsync();
            return disposing.IsCompletedSuccessfully ? handling : AwaitDisposal(disposing, handling);
        };
    }

    private static async Task<TResponse> AwaitThenDispose<TResponse>(Task<TResponse> handling, AsyncServiceScope scope)
    {
        await using (scope.ConfigureAwait(false))
        {
            return await handling.ConfigureAwait(false);
        }
    }

    private static async Task<TResponse> AwaitDisposal<TResponse>(ValueTask disposing, Task<TResponse> handled)
    {
        await disposing.ConfigureAwait(false);
        return handled.Result;
    }

    private static async Task<TResponse> DisposeThenFail<TResponse>(AsyncServiceScope scope, ExceptionDispatchInfo failure)
    {
        await scope.DisposeAsync().ConfigureAwait(false);
        failure.Throw();
        return default!;
    }

    protected override ClientStreamingServerMethod<TRequest, TResponse> CreateClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var invoke = Find<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        return async (requests, context) =>
        {
            var scope = provider.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                return await invoke(scope.ServiceProvider.GetRequiredService<TService>(), requests, context).ConfigureAwait(false);
            }
        };
    }

    protected override ServerStreamingServerMethod<TRequest, TResponse> CreateServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var invoke = Find<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        return async (request, responses, context) =>
        {
            var scope = provider.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await invoke(scope.ServiceProvider.GetRequiredService<TService>(), request, responses, context).ConfigureAwait(false);
            }
        };
    }

    protected override DuplexStreamingServerMethod<TRequest, TResponse> CreateDuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var invoke = Find<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        return async (requests, responses, context) =>
        {
            var scope = provider.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await invoke(scope.ServiceProvider.GetRequiredService<TService>(), requests, responses, context).ConfigureAwait(false);
            }
        };
    }

    private static TDelegate Find<TDelegate>(IMethod method, params Type[] parameters)
        where TDelegate : Delegate
    {
        var info = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters)
            ?? throw new InvalidOperationException($"{typeof(TService).FullName} has no public method {method.Name}({string.Join(", ", parameters.Select(p => p.Name))}) for {method.FullName}.");
        return info.CreateDelegate<TDelegate>();
    }
}
