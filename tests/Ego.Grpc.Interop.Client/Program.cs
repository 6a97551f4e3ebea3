using Ego.Grpc;
using Ego.Grpc.Interop;

// The standard gRPC interop client: --server_host=H --server_port=N --test_case=NAME --use_tls=false.
InteropFlags flags;
try
{
    flags = InteropFlags.Parse(args, "server_host", "server_port", "test_case", "use_tls", "server_host_override", "use_test_ca");
    if (flags.GetBool("use_tls", false))
    {
        throw new ArgumentException("--use_tls=true is not supported by this interop client: run it with --use_tls=false");
    }
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

var testCase = flags.Get("test_case", "");
if (!InteropCases.Names.Contains(testCase))
{
    await Console.Error.WriteLineAsync($"unknown --test_case='{testCase}'; known cases: {string.Join(", ", InteropCases.Names)}");
    return 2;
}

using var channel = GrpcChannel.ForAddress($"http://{flags.Get("server_host", "127.0.0.1")}:{flags.GetInt("server_port", 0)}");
try
{
    await new InteropCases(channel.CreateCallInvoker()).RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(30));
    Console.WriteLine($"PASS {testCase}");
    return 0;
}
catch (Exception exception) when (exception is InteropFailure or RpcException or TimeoutException)
{
    await Console.Error.WriteLineAsync($"FAIL {testCase}: {exception.Message}");
    return 1;
}
