using Ego.CodegenTest.V1;
using Ego.Grpc.Generator.Tests.Infrastructure;
using Ego.Grpc.Generator.Tests.SharedModels;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ego.Grpc.Generator.Tests.GeneratedCode;

/// <summary>The client generated at build time from Protos/test_service.proto, called through a recording CallInvoker.</summary>
public sealed class LedgerClientTests
{
    private static readonly BalanceRequest Request = new() { Account = "acc-1", Currency = "EUR" };

    [Fact]
    public void GetBalance_Blocking_SendsUnaryMethodWithCallArguments()
    {
        var money = new Money { Currency = "EUR", Units = 42 };
        var invoker = new RecordingCallInvoker(money);
        var headers = new Metadata { { "x-trace", "1" } };
        var deadline = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var cts = new CancellationTokenSource();

        var result = new Ledger.LedgerClient(invoker).GetBalance(Request, headers, deadline, cts.Token);

        Assert.Same(money, result);
        var call = Assert.Single(invoker.Calls);
        Assert.Equal("BlockingUnaryCall", call.InvokerMethod);
        Assert.Equal("/ego.codegen_test.v1.Ledger/GetBalance", call.Method.FullName);
        Assert.Equal(MethodType.Unary, call.Method.Type);
        Assert.Null(call.Host);
        Assert.Same(Request, call.Request);
        Assert.Same(headers, call.Options.Headers);
        Assert.Equal(deadline, call.Options.Deadline);
        Assert.Equal(cts.Token, call.Options.CancellationToken);
    }

    [Fact]
    public async Task GetBalanceAsync_CallOptions_SendsAsyncUnaryCall()
    {
        var money = new Money { Units = 7 };
        var invoker = new RecordingCallInvoker(money);

        var result = await new Ledger.LedgerClient(invoker).GetBalanceAsync(Request, new CallOptions());

        Assert.Same(money, result);
        var call = Assert.Single(invoker.Calls);
        Assert.Equal(("AsyncUnaryCall", "/ego.codegen_test.v1.Ledger/GetBalance", MethodType.Unary), (call.InvokerMethod, call.Method.FullName, call.Method.Type));
    }

    [Fact]
    public async Task ListEntries_ServerStreaming_SendsRequestAndReadsStream()
    {
        var entry = new Entry { Id = "e1" };
        var invoker = new RecordingCallInvoker(entry);

        using var call = new Ledger.LedgerClient(invoker).ListEntries(Request);

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Same(entry, call.ResponseStream.Current);
        var recorded = Assert.Single(invoker.Calls);
        Assert.Equal(("AsyncServerStreamingCall", "/ego.codegen_test.v1.Ledger/ListEntries", MethodType.ServerStreaming), (recorded.InvokerMethod, recorded.Method.FullName, recorded.Method.Type));
        Assert.Same(Request, recorded.Request);
    }

    [Fact]
    public async Task Deposit_ClientStreaming_SendsMethodWithoutRequest()
    {
        var invoker = new RecordingCallInvoker(new Money { Units = 3 });

        using var call = new Ledger.LedgerClient(invoker).Deposit();
        await call.RequestStream.WriteAsync(new Entry.Types.Amount { Value = new Money { Units = 3 } });

        Assert.Equal(3, (await call).Units);
        var recorded = Assert.Single(invoker.Calls);
        Assert.Equal(("AsyncClientStreamingCall", "/ego.codegen_test.v1.Ledger/Deposit", MethodType.ClientStreaming), (recorded.InvokerMethod, recorded.Method.FullName, recorded.Method.Type));
        Assert.Null(recorded.Request);
    }

    [Fact]
    public void Sync_Duplex_SendsDuplexMethod()
    {
        var invoker = new RecordingCallInvoker(new Entry());

        using var call = new Ledger.LedgerClient(invoker).Sync(new CallOptions());

        var recorded = Assert.Single(invoker.Calls);
        Assert.Equal(("AsyncDuplexStreamingCall", "/ego.codegen_test.v1.Ledger/Sync", MethodType.DuplexStreaming), (recorded.InvokerMethod, recorded.Method.FullName, recorded.Method.Type));
    }

    [Fact]
    public void Ping_WellKnownTypes_SendsEmptyThroughUnaryMethod()
    {
        var invoker = new RecordingCallInvoker(new Empty());

#pragma warning disable CS0612 // Ping is deprecated in the proto on purpose.
        var result = new Ledger.LedgerClient(invoker).Ping(new Empty());
#pragma warning restore CS0612

        Assert.IsType<Empty>(result);
        Assert.Equal("/ego.codegen_test.v1.Ledger/Ping", Assert.Single(invoker.Calls).Method.FullName);
    }

    [Fact]
    public void WithHost_NewInstance_SendsHostToInvoker()
    {
        var invoker = new RecordingCallInvoker(new Money());

        new Ledger.LedgerClient(invoker).WithHost("ledger.internal").GetBalance(Request);

        Assert.Equal("ledger.internal", Assert.Single(invoker.Calls).Host);
    }

    [Fact]
    public void Method_Marshallers_RoundTripProtobufMessages()
    {
        var invoker = new RecordingCallInvoker(new Money());
        new Ledger.LedgerClient(invoker).GetBalance(Request);
        var method = (Method<BalanceRequest, Money>)Assert.Single(invoker.Calls).Method;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        method.RequestMarshaller.Serializer(Request, buffer);
        var parsed = method.RequestMarshaller.Deserializer(new System.Buffers.ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.Equal(Request.ToByteArray(), buffer.WrittenSpan.ToArray());
        Assert.Equal(Request, parsed);
    }
}
