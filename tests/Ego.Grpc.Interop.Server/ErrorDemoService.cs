using Ego.Grpc.Errors;
using Ego.Grpc.Interop.V1;

namespace Ego.Grpc.Interop;

/// <summary>Fails every call with the <see cref="EgoError"/> the request describes.</summary>
internal sealed class ErrorDemoService : ErrorDemo.ErrorDemoBase
{
    public override Task<FailReply> Fail(FailRequest request, ServerCallContext context)
        => throw new EgoError((StatusCode)request.Code, request.Reason, request.Message, request.Metadata);
}
