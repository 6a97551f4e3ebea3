using Google.Protobuf.Compiler;

namespace Ego.Grpc.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in-process and returns the one file it must produce.</summary>
internal static class Generated
{
    public static string File(string protoFile, string parameter = "")
    {
        var response = PluginRunner.Generate(Protoc.Request(parameter, protoFile));
        Assert.False(response.HasError, response.Error);
        return Assert.Single(response.File).Content;
    }

    public static CodeGeneratorResponse Response(string protoFile, string parameter = "")
        => PluginRunner.Generate(Protoc.Request(parameter, protoFile));
}
