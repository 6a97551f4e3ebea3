namespace Ego.Grpc.Tests.Support;

/// <summary>An HTTP handler answering every request with a response made by the test, to see how the client reads it.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(respond(request));
}
