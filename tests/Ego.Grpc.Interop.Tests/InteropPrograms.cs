using Ego.Tests.Shared;

namespace Ego.Grpc.Interop.Tests;

/// <summary>Where the interop programs of both implementations are, and how each is started.</summary>
internal static class InteropPrograms
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<object[]> Cases { get; } =
    [
        ["empty_unary"], ["large_unary"], ["client_compressed_unary"], ["server_compressed_unary"], ["client_streaming"],
        ["client_compressed_streaming"], ["server_streaming"], ["server_compressed_streaming"], ["ping_pong"], ["empty_stream"],
        ["custom_metadata"], ["status_code_and_message"], ["special_status_message"], ["unimplemented_method"],
        ["unimplemented_service"], ["cancel_after_begin"], ["cancel_after_first_response"], ["timeout_on_sleeping_server"],
    ];

    public static string NodeDirectory => Path.Combine(ChildProcess.RepositoryRoot(), "tests", "Ego.Grpc.Interop.Node");

    public static string EgoProgram(string project)
        => Path.Combine(ChildProcess.RepositoryRoot(), "tests", project, "bin", ChildProcess.Configuration(), "net10.0", project + ".dll");

    /// <summary>Fails with the fix when the grpc-js packages are missing (scripts/test.sh runs npm ci).</summary>
    public static void RequireNodeModules()
    {
        if (!Directory.Exists(Path.Combine(NodeDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"@grpc/grpc-js is not installed: run 'npm ci' in {NodeDirectory} (scripts/test.sh does)");
        }
    }

    /// <summary>Starts an interop server and returns it with the port it printed as "listening on N".</summary>
    public static async Task<(ChildProcess Server, int Port)> StartServerAsync(string fileName, IEnumerable<string> args, string workingDirectory)
    {
        var server = ChildProcess.Start(fileName, args, workingDirectory);
        try
        {
            var port = int.Parse(await server.WaitForLineAsync("listening on ", StartTimeout), System.Globalization.CultureInfo.InvariantCulture);
            return (server, port);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
