using Ego.Grpc.Reflection.Internal;
using Ego.Grpc.Reflection.V1;

namespace Ego.Grpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection over a <see cref="ReflectionIndex"/>.</summary>
public sealed class ServerReflectionV1Service(ReflectionIndex index) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requestStream.Current;
            var answer = request.MessageRequestCase switch
            {
                ServerReflectionRequest.MessageRequestOneofCase.ListServices => index.ListServices(),
                ServerReflectionRequest.MessageRequestOneofCase.FileByFilename => index.FileByName(request.FileByFilename),
                ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol => index.FileContainingSymbol(request.FileContainingSymbol),
                ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension => index.FileContainingExtension(request.FileContainingExtension.ContainingType, request.FileContainingExtension.ExtensionNumber),
                ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType => index.ExtensionNumbers(request.AllExtensionNumbersOfType),
                _ => ReflectionAnswer.Error(StatusCode.InvalidArgument, "the request asks nothing: expected one of list_services, file_by_filename, file_containing_symbol, file_containing_extension, all_extension_numbers_of_type"),
            };
            await responseStream.WriteAsync(ToResponse(request, answer), context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static ServerReflectionResponse ToResponse(ServerReflectionRequest request, ReflectionAnswer answer)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        if (answer.ErrorCode != StatusCode.OK)
        {
            response.ErrorResponse = new ErrorResponse { ErrorCode = (int)answer.ErrorCode, ErrorMessage = answer.ErrorMessage ?? "" };
        }
        else if (answer.Files is { } files)
        {
            response.FileDescriptorResponse = new FileDescriptorResponse { FileDescriptorProto = { files } };
        }
        else if (answer.Services is { } services)
        {
            response.ListServicesResponse = new ListServiceResponse { Service = { services.Select(name => new ServiceResponse { Name = name }) } };
        }
        else
        {
            response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = answer.BaseTypeName ?? "", ExtensionNumber = { answer.ExtensionNumbers ?? [] } };
        }

        return response;
    }
}
