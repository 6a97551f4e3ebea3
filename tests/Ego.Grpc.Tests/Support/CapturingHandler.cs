namespace Ego.Grpc.Tests.Support;

/// <summary>Forwards to a real handler after recording the request body bytes.</summary>
internal sealed class CapturingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public byte[] LastBody { get; private set; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastBody = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
