namespace Ego.Http.Envelope;

/// <summary>What the envelope <c>code</c> of an error without a business code is.</summary>
public enum EnvelopeErrorCode
{
    /// <summary>The HTTP status of EGO's gRPC-to-HTTP table (404 for NOT_FOUND), as kratos answers.</summary>
    Http,

    /// <summary>The gRPC status code (5 for NOT_FOUND).</summary>
    Grpc,
}
