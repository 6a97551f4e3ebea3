using System.Collections.Frozen;
using Ego.Grpc.Rpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ego.Grpc.Errors;

/// <summary>
/// One error model for gRPC and HTTP: a gRPC code, a reason unique across services (<c>user.v1.USER_ERR_NOT_FOUND</c>),
/// a message and metadata. On the wire it is a <c>google.rpc.Status</c> with a <c>google.rpc.ErrorInfo</c> detail in
/// <c>grpc-status-details-bin</c>, so Go services using ego or kratos, grpc-js and others read the same reason.
/// Instances are immutable: <see cref="WithMessage"/> and <see cref="WithMetadata(IEnumerable{KeyValuePair{string, string}})"/> return new ones.
/// </summary>
public sealed class EgoError : Exception
{
    /// <summary>The trailer carrying the serialized <c>google.rpc.Status</c>.</summary>
    public const string StatusDetailsKey = "grpc-status-details-bin";

    /// <summary>An error; <paramref name="businessCode"/> is optional, in the layout of <see cref="BusinessCodes"/> (e.g. <c>1010010001</c>).</summary>
    public EgoError(StatusCode code, string reason, string message, IEnumerable<KeyValuePair<string, string>>? metadata = null, string domain = "", long? businessCode = null)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (businessCode is { } biz)
        {
            BusinessCodes.EnsureValid(biz, nameof(businessCode));
        }

        Code = code;
        Reason = reason;
        Domain = domain ?? "";
        BusinessCode = businessCode;
        Metadata = (metadata ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public StatusCode Code { get; }

    /// <summary>The stable, unique reason, e.g. <c>user.v1.USER_ERR_NOT_FOUND</c>; empty for errors that carry none.</summary>
    public string Reason { get; }

    /// <summary>The owner of the reason (ErrorInfo.domain), e.g. the service's app name; often empty.</summary>
    public string Domain { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The business code (see <see cref="BusinessCodes"/>), sent in ErrorInfo metadata under <see cref="BusinessCodes.MetadataKey"/>; null when the error has none.</summary>
    public long? BusinessCode { get; }

    /// <summary>The message in <paramref name="language"/> when a translation was registered for the reason, else <see cref="Exception.Message"/>.</summary>
    public string MessageFor(string language) => EgoErrorRegistry.Translate(Reason, language) ?? Message;

    /// <summary>A copy with another message.</summary>
    public EgoError WithMessage(string message) => new(Code, Reason, message, Metadata, Domain, BusinessCode);

    /// <summary>A copy whose metadata also holds <paramref name="metadata"/> (new values win).</summary>
    public EgoError WithMetadata(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var merged = new Dictionary<string, string>(Metadata, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            merged[key] = value;
        }

        return new EgoError(Code, Reason, Message, merged, Domain, BusinessCode);
    }

    /// <summary>A copy with one more metadata entry.</summary>
    public EgoError WithMetadata(string key, string value) => WithMetadata([new(key, value)]);

    /// <summary>True when <paramref name="other"/> is an <see cref="EgoError"/> (or a call failure carrying one) with the same reason, as EGO compares errors.</summary>
    public bool Is(Exception? other) => other is not null && FromException(other) is { } error && error.Reason.Length > 0 && error.Reason == Reason;

    /// <summary>The gRPC status the error is sent as.</summary>
    public Status ToStatus() => new(Code, Message);

    /// <summary>The trailers the error is sent with: <c>grpc-status-details-bin</c> holding google.rpc.Status + ErrorInfo.</summary>
    public Metadata ToTrailers()
    {
        var status = new Rpc.Status { Code = (int)Code, Message = Message };
        if (Reason.Length > 0 || Domain.Length > 0 || Metadata.Count > 0 || BusinessCode is not null)
        {
            var info = new ErrorInfo { Reason = Reason, Domain = Domain };
            foreach (var (key, value) in Metadata)
            {
                info.Metadata[key] = value;
            }

            if (BusinessCode is { } biz)
            {
                info.Metadata[BusinessCodes.MetadataKey] = biz.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            status.Details.Add(Any.Pack(info));
        }

        return new Metadata { { StatusDetailsKey, status.ToByteArray() } };
    }

    /// <summary>The error as a call failure, for code that throws <see cref="RpcException"/>.</summary>
    public RpcException ToRpcException() => new(ToStatus(), ToTrailers(), Message);

    /// <summary>
    /// The error an exception stands for: itself, or for a received <see cref="RpcException"/> the registered error of its
    /// reason (carrying the received message and metadata), or a new one with the received code, reason, message and metadata.
    /// Null for other exceptions.
    /// </summary>
    public static EgoError? FromException(Exception exception) => exception switch
    {
        EgoError error => error,
        RpcException rpc => FromStatus(rpc.Status, rpc.Trailers),
        _ => null,
    };

    /// <summary>The error a received status and its trailers stand for (see <see cref="FromException"/>).</summary>
    public static EgoError FromStatus(Status status, Metadata? trailers)
    {
        var details = trailers?.GetValueBytes(StatusDetailsKey);
        ErrorInfo? info = null;
        if (details is not null)
        {
            try
            {
                info = Rpc.Status.Parser.ParseFrom(details).Details.FirstOrDefault(d => d.Is(ErrorInfo.Descriptor))?.Unpack<ErrorInfo>();
            }
            catch (InvalidProtocolBufferException)
            {
                // A peer sent something that is not a google.rpc.Status: keep the code and message.
            }
        }

        if (info is null)
        {
            return new EgoError(status.StatusCode, "", status.Detail);
        }

        // The business code is a property, not metadata, once received; an unreadable one stays in the metadata as sent.
        var businessCode = BusinessCodes.Parse(info.Metadata.GetValueOrDefault(BusinessCodes.MetadataKey));
        var metadata = businessCode is null ? info.Metadata : info.Metadata.Where(m => m.Key != BusinessCodes.MetadataKey);
        return EgoErrorRegistry.TryGet(info.Reason, out var registered)
            ? registered.WithMessage(status.Detail).WithMetadata(metadata)
            : new EgoError(status.StatusCode, info.Reason, status.Detail, metadata, info.Domain, businessCode);
    }

    public override string ToString() => $"{Code} {Reason}: {Message}";
}
