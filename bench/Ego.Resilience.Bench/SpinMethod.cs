using Ego.Grpc;

namespace Ego.Resilience.Bench;

/// <summary>The benchmarked method: <c>/bench.Spin/Work</c>, UTF-8 string in and out.</summary>
internal static class SpinMethod
{
    public static readonly Method<string, string> Work = new(MethodType.Unary, "bench.Spin", "Work", Marshallers.StringMarshaller, Marshallers.StringMarshaller);
}
