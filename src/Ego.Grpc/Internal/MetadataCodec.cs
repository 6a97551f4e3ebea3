using System.Buffers.Text;
using Microsoft.Extensions.Primitives;

namespace Ego.Grpc.Internal;

/// <summary>Converts between <see cref="Metadata"/> and HTTP/2 header fields.</summary>
internal static class MetadataCodec
{
    /// <summary>True for headers the protocol owns; they never appear in user metadata.</summary>
    public static bool IsReserved(string key)
        => key.Length == 0 || key[0] == ':' || key is "content-type" or "te" or "content-length" or "grpc-encoding" or "grpc-accept-encoding"
            or "grpc-message" or "grpc-status" or "grpc-timeout" or "grpc-message-type" or "grpc-internal-encoding-request";

    /// <summary>Adds one header (possibly several values) to <paramref name="metadata"/>, decoding <c>-bin</c> values.</summary>
    public static void AddHeader(Metadata metadata, string name, StringValues values)
    {
        var key = name.ToLowerInvariant();
        if (IsReserved(key))
        {
            return;
        }

        var binary = Metadata.Entry.IsBinaryKey(key);
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (binary)
            {
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    byte[] bytes;
                    try
                    {
                        bytes = DecodeBase64(part);
                    }
                    catch (FormatException)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, $"metadata '{key}': invalid base64 value"));
                    }

                    metadata.Add(Metadata.Entry.FromWire(key, bytes));
                }
            }
            else
            {
                metadata.Add(Metadata.Entry.FromWire(key, value));
            }
        }
    }

    /// <summary>The wire value of an entry: text as is, binary as un-padded base64.</summary>
    public static string ToHeaderValue(Metadata.Entry entry)
        => entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Decodes base64 with or without padding, as the spec requires readers to accept both.</summary>
    public static byte[] DecodeBase64(string value)
    {
        var padding = (4 - (value.Length % 4)) % 4;
        var padded = padding == 0 ? value : value + new string('=', padding);
        if (Base64.IsValid(padded))
        {
            return Convert.FromBase64String(padded);
        }

        // Some peers send the URL-safe alphabet.
        return Convert.FromBase64String(padded.Replace('-', '+').Replace('_', '/'));
    }
}
