using System.Buffers.Binary;
using System.Net.Http.Headers;

namespace Ego.Grpc.Tests.Support;

/// <summary>Hand-made gRPC requests for testing what the server does with bad input.</summary>
internal static class RawGrpc
{
    public static byte[] Frame(byte[] payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc", params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body),
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Sends the request, reads the whole body, and returns the grpc-status from headers or trailers.</summary>
    public static async Task<(HttpResponseMessage Response, byte[] Body, string? Status, string? Message)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response, body, Find(response, "grpc-status"), Find(response, "grpc-message"));
    }

    public static string? Find(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values) ? values.First() : null;
}
