using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator.Tests;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("helloworld", "Helloworld")]
    [InlineData("grpc.testing", "Grpc.Testing")]
    [InlineData("foo_bar.v1", "FooBar.V1")]
    [InlineData("acme.v2beta.api_v1", "Acme.V2Beta.ApiV1")]
    [InlineData("", "")]
    public void Namespace_PackageWithoutOption_IsPascalCasedLikeProtoc(string package, string expected)
        => Assert.Equal(expected, CSharpNames.Namespace(new FileDescriptorProto { Name = "x.proto", Package = package }));

    [Fact]
    public void Namespace_CsharpNamespaceOption_WinsOverPackage()
    {
        var file = new FileDescriptorProto { Name = "x.proto", Package = "a.b", Options = new Google.Protobuf.Reflection.FileOptions { CsharpNamespace = "My.Api" } };

        Assert.Equal("My.Api", CSharpNames.Namespace(file));
    }

    [Theory]
    [InlineData("greeter.proto", "GreeterGrpc.cs")]
    [InlineData("hello_world.proto", "HelloWorldGrpc.cs")]
    [InlineData("protos/v1/route_guide.proto", "RouteGuideGrpc.cs")]
    [InlineData("api2_v3.proto", "Api2V3Grpc.cs")]
    [InlineData("hello-world.proto", "Hello-worldGrpc.cs")]
    [InlineData("a.b.proto", "A.bGrpc.cs")]
    [InlineData("snake_CASE_x.proto", "SnakeCASEXGrpc.cs")]
    public void GrpcFileName_ProtoFile_MatchesGrpcToolsPrediction(string protoName, string expected)
        => Assert.Equal(expected, CSharpNames.GrpcFileName(new FileDescriptorProto { Name = protoName }));

    [Theory]
    [InlineData("greeter.proto", "helloworld", "global::Helloworld.GreeterReflection")]
    [InlineData("dir/hello_world.proto", "a.b", "global::A.B.HelloWorldReflection")]
    [InlineData("api2v3.proto", "", "global::Api2V3Reflection")]
    [InlineData("hello-world.proto", "x", "global::X.HelloWorldReflection")]
    [InlineData("a.b.proto", "x", "global::X.ABReflection")]
    public void ReflectionClass_ProtoFile_IsNamedLikeProtocCSharpOutput(string protoName, string package, string expected)
        => Assert.Equal(expected, CSharpNames.ReflectionClass(new FileDescriptorProto { Name = protoName, Package = package }));

    [Theory]
    [InlineData("lock", "@lock")]
    [InlineData("object", "@object")]
    [InlineData("Lock", "Lock")]
    [InlineData("record", "record")]
    public void Escape_Identifier_PrefixesOnlyReservedKeywords(string identifier, string expected)
        => Assert.Equal(expected, CSharpNames.Escape(identifier));

    [Fact]
    public void Qualify_KeywordSegments_AreEscapedInNamespaceAndTypePath()
        => Assert.Equal("global::Foo.@event.@object.Types.@string", CSharpNames.Qualify("Foo.event", "object.Types.string"));

    [Fact]
    public void Qualify_EmptyNamespace_StartsWithGlobalAlias()
        => Assert.Equal("global::Ping", CSharpNames.Qualify("", "Ping"));
}
