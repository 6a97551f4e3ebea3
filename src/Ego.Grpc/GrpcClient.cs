using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ego.Components;
using Microsoft.Extensions.Configuration;

namespace Ego.Grpc;

/// <summary>A configured gRPC client component: a channel plus its interceptors.</summary>
public sealed class GrpcClient : IDisposable
{
    internal GrpcClient(string name, GrpcChannel channel, CallInvoker callInvoker)
    {
        Name = name;
        Channel = channel;
        CallInvoker = callInvoker;
    }

    /// <summary>The config key the client was built from.</summary>
    public string Name { get; }

    public GrpcChannel Channel { get; }

    /// <summary>The invoker generated clients call through, interceptors included.</summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>Starts a builder from the <paramref name="key"/> section (e.g. <c>grpc.user</c>), which must exist.</summary>
    /// <exception cref="Ego.FailFast.EgoStartupException">The section is missing or has invalid values.</exception>
    public static GrpcClientBuilder Load(IConfiguration configuration, string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var caller = new CallerLocation(callerFile, callerLine);
        var binding = ComponentConfiguration.Bind<GrpcClientOptions>(configuration, key, caller, GrpcClientBuilder.Component, required: true);
        return new GrpcClientBuilder(key, binding.Options, caller);
    }

    /// <summary>Creates a generated client (<c>new TClient(CallInvoker)</c>).</summary>
    public TClient CreateClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>()
        where TClient : ClientBase
        => (TClient)(Activator.CreateInstance(typeof(TClient), CallInvoker)
            ?? throw new InvalidOperationException($"{typeof(TClient).Name} could not be created from a CallInvoker."));

    public void Dispose() => Channel.Dispose();
}
