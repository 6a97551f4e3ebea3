using Ego.Resilience.CircuitBreaking;

namespace Ego.Resilience.Tests.CircuitBreaking;

public sealed class CircuitBreakerRegistryTests
{
    [Fact]
    public void Get_SameMethod_ReturnsOneBreakerPerMethod()
    {
        var registry = new CircuitBreakerRegistry("grpc.user", new CircuitBreakerOptions());

        var first = registry.Get("/test.Echo/Unary");

        Assert.Same(first, registry.Get("/test.Echo/Unary"));
        Assert.NotSame(first, registry.Get("/test.Echo/Other"));
        Assert.Equal(("grpc.user", "/test.Echo/Unary"), (first.Target, first.Method));
    }

    [Fact]
    public void Get_MoreMethodsThanTheCap_SharesOneBreakerForTheRest()
    {
        var registry = new CircuitBreakerRegistry("http.pay", new CircuitBreakerOptions());
        for (var i = 0; i < CircuitBreakerRegistry.MaxMethods; i++)
        {
            registry.Get("GET /users/" + i);
        }

        var extra = registry.Get("GET /users/extra");

        Assert.Same(extra, registry.Get("GET /users/another"));
        Assert.Equal(CircuitBreakerRegistry.MaxMethods + 1, registry.All.Count());
    }
}
