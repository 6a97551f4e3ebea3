using Ego.Grpc;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Tests.Tracing;

/// <summary>Service B of the two-service trace test: <c>shop.Stock/Reserve</c> with string messages.</summary>
[BindServiceMethod(typeof(StockService), nameof(BindService))]
public sealed class StockService(ILoggerFactory logs)
{
    public static readonly Method<string, string> ReserveMethod = new(MethodType.Unary, "shop.Stock", "Reserve", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static void BindService(ServiceBinderBase binder, StockService? service)
        => binder.AddMethod(ReserveMethod, service is null ? null : service.Reserve);

    public Task<string> Reserve(string item, ServerCallContext context)
    {
        logs.CreateLogger("Shop.Stock").LogInformation("stock reserving {Item}", item);
        return Task.FromResult("reserved " + item);
    }
}
