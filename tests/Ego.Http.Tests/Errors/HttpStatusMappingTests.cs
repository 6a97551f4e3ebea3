using System.Net;
using Ego.Grpc;
using Ego.Http.Errors;

namespace Ego.Http.Tests.Errors;

public sealed class HttpStatusMappingTests
{
    [Theory]
    [InlineData(StatusCode.OK, 200)]
    [InlineData(StatusCode.Cancelled, 408)]
    [InlineData(StatusCode.Unknown, 500)]
    [InlineData(StatusCode.InvalidArgument, 400)]
    [InlineData(StatusCode.DeadlineExceeded, 408)]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.Unauthenticated, 401)]
    [InlineData(StatusCode.ResourceExhausted, 503)]
    [InlineData(StatusCode.FailedPrecondition, 412)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.OutOfRange, 400)]
    [InlineData(StatusCode.Unimplemented, 501)]
    [InlineData(StatusCode.Internal, 500)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.DataLoss, 500)]
    public void ToHttp_EveryCode_FollowsEgoTable(StatusCode code, int http)
    {
        Assert.Equal((HttpStatusCode)http, HttpStatusMapping.ToHttp(code));
    }

    [Theory]
    [InlineData(404, StatusCode.NotFound)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(418, StatusCode.Unknown)]
    public void FromHttp_Status_GivesCode(int http, StatusCode code)
    {
        Assert.Equal(code, HttpStatusMapping.FromHttp((HttpStatusCode)http));
    }

    [Fact]
    public void ToHttp_EveryCode_MatchesWhatProtoDocsState()
    {
        var documented = Ego.Proto.Doc.Internal.GrpcStatusTable.All;

        Assert.Equal(Enum.GetValues<StatusCode>().Length, documented.Count);
        foreach (var (name, (number, http)) in documented)
        {
            var code = (StatusCode)number;
            Assert.Equal(name.Replace("_", ""), code.ToString().ToUpperInvariant());
            Assert.Equal((HttpStatusCode)http, HttpStatusMapping.ToHttp(code));
        }
    }
}
