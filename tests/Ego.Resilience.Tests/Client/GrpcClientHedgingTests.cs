using Ego.Grpc;
using Ego.Resilience.Client;
using Ego.Resilience.Tests.Client.Support;

namespace Ego.Resilience.Tests.Client;

/// <summary>Hedging through <see cref="GrpcClientResilienceInterceptor"/>.</summary>
public sealed class GrpcClientHedgingTests
{
    private readonly FakeClock clock = new();
    private readonly GrpcClientResilienceInterceptor interceptor;

    public GrpcClientHedgingTests()
    {
        var options = new ClientResilienceOptions();
        options.Retry.Methods = ["*"];
        options.Hedging = new() { MaxAttempts = 3, HedgingDelay = TimeSpan.FromMilliseconds(50), NonFatalCodes = ["UNAVAILABLE"] };
        interceptor = new GrpcClientResilienceInterceptor(new ClientResilience("grpc.user", ClientResilience.Grpc, options, null, clock, () => 1.0, () => 0.0));
    }

    [Fact]
    public async Task AsyncUnaryCall_NoAnswerWithinHedgingDelay_SendsAnotherAttemptAndTakesTheFirstAnswer()
    {
        var downstream = new ScriptedDownstream { Manual = true };

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        await clock.TimerArmed;
        Assert.Equal(1, downstream.Attempts);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await downstream.Started(1);
        downstream.Answer(1, StatusCode.OK);

        Assert.Equal("answer#2", await call);
        Assert.True(downstream.Tokens[0].IsCancellationRequested, "the slower attempt was not cancelled");
    }

    [Fact]
    public async Task AsyncUnaryCall_NonFatalCode_SendsTheNextAttemptAtOnce()
    {
        var downstream = new ScriptedDownstream { Manual = true };

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        await clock.TimerArmed;
        downstream.Answer(0, StatusCode.Unavailable);
        await downstream.Started(1);
        downstream.Answer(1, StatusCode.OK);

        Assert.Equal("answer#2", await call);
    }

    [Fact]
    public async Task AsyncUnaryCall_FatalCode_EndsTheCallWithoutMoreAttempts()
    {
        var downstream = new ScriptedDownstream { Manual = true };

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        await clock.TimerArmed;
        downstream.Answer(0, StatusCode.InvalidArgument);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(1, downstream.Attempts);
    }

    [Fact]
    public async Task AsyncUnaryCall_EveryAttemptNonFatal_FailsWithTheLastErrorAfterMaxAttempts()
    {
        var downstream = new ScriptedDownstream { Manual = true };

        var call = interceptor.AsyncUnaryCall("hi", EchoMethods.Context(), downstream.Call);
        for (var i = 0; i < 3; i++)
        {
            await downstream.Started(i);
            downstream.Answer(i, StatusCode.Unavailable);
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(3, downstream.Attempts);
    }
}
