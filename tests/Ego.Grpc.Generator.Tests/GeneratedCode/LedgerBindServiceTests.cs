using System.Reflection;
using Ego.CodegenTest.V1;
using Ego.Grpc.Generator.Tests.Infrastructure;
using Ego.Grpc.Generator.Tests.SharedModels;

namespace Ego.Grpc.Generator.Tests.GeneratedCode;

/// <summary>The service base and BindService generated at build time from Protos/test_service.proto.</summary>
public sealed class LedgerBindServiceTests
{
    [Fact]
    public void BindService_Binder_RegistersEveryRpcWithItsKind()
    {
        var binder = new RecordingServiceBinder();

        Ledger.BindService(binder, new FixedLedger());

        Assert.Equal(
            [
                ("/ego.codegen_test.v1.Ledger/GetBalance", MethodType.Unary, typeof(UnaryServerMethod<BalanceRequest, Money>)),
                ("/ego.codegen_test.v1.Ledger/ListEntries", MethodType.ServerStreaming, typeof(ServerStreamingServerMethod<BalanceRequest, Entry>)),
                ("/ego.codegen_test.v1.Ledger/Deposit", MethodType.ClientStreaming, typeof(ClientStreamingServerMethod<Entry.Types.Amount, Money>)),
                ("/ego.codegen_test.v1.Ledger/Sync", MethodType.DuplexStreaming, typeof(DuplexStreamingServerMethod<Entry, Entry>)),
                ("/ego.codegen_test.v1.Ledger/Ping", MethodType.Unary, typeof(UnaryServerMethod<Google.Protobuf.WellKnownTypes.Empty, Google.Protobuf.WellKnownTypes.Empty>)),
            ],
            binder.Bound.Select(b => (b.Method.FullName, b.Method.Type, b.Handler!.GetType())));
    }

    [Fact]
    public void BindService_NullImplementation_ListsMethodsWithoutHandlers()
    {
        // Services activated per call are bound this way: the binder only learns the methods.
        var binder = new RecordingServiceBinder();

        Ledger.BindService(binder, null);

        Assert.Equal(5, binder.Bound.Count);
        Assert.All(binder.Bound, b => Assert.Null(b.Handler));
    }

    [Fact]
    public async Task BindService_Binder_HandlerCallsTheOverride()
    {
        var binder = new RecordingServiceBinder();
        Ledger.BindService(binder, new FixedLedger());
        var handler = (UnaryServerMethod<BalanceRequest, Money>)binder.Bound[0].Handler!;

        var money = await handler(new BalanceRequest { Account = "a" }, null!);

        Assert.Equal(99, money.Units);
    }

    [Fact]
    public void BindService_Definition_ListsEveryMethod()
    {
        var definition = Ledger.BindService(new FixedLedger());

        Assert.Equal(["GetBalance", "ListEntries", "Deposit", "Sync", "Ping"], definition.Methods.Select(m => m.Name));
    }

    [Fact]
    public async Task Base_MethodNotOverridden_ThrowsUnimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => new FixedLedger().ListEntries(new BalanceRequest(), null!, null!));

        Assert.Equal(StatusCode.Unimplemented, ex.Status.StatusCode);
    }

    [Fact]
    public void Base_Attribute_PointsAtBindService()
    {
        var attribute = typeof(Ledger.LedgerBase).GetCustomAttribute<BindServiceMethodAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal((typeof(Ledger), "BindService"), (attribute.BindType, attribute.BindMethodName));
    }

    [Fact]
    public void Descriptor_IsTheProtoService()
    {
        Assert.Equal("ego.codegen_test.v1.Ledger", Ledger.Descriptor.FullName);
        Assert.Equal(5, Ledger.Descriptor.Methods.Count);
    }

    [Fact]
    public void Ping_DeprecatedInProto_IsObsolete()
        => Assert.NotNull(typeof(Ledger.LedgerBase).GetMethod("Ping")!.GetCustomAttribute<ObsoleteAttribute>());

    private sealed class FixedLedger : Ledger.LedgerBase
    {
        public override Task<Money> GetBalance(BalanceRequest request, ServerCallContext context)
            => Task.FromResult(new Money { Currency = "EUR", Units = 99 });
    }
}
