namespace Ego.Grpc;

/// <summary>A method's description without its message types.</summary>
public interface IMethod
{
    MethodType Type { get; }

    /// <summary>The fully qualified service name, e.g. <c>helloworld.Greeter</c>.</summary>
    string ServiceName { get; }

    /// <summary>The method name, e.g. <c>SayHello</c>.</summary>
    string Name { get; }

    /// <summary>The HTTP/2 <c>:path</c>: <c>/service/method</c>.</summary>
    string FullName { get; }
}
