using Ego.Grpc;
using Ego.Grpc.Interop;
using Microsoft.Extensions.Configuration;

// The standard gRPC interop server: --port=N --use_tls=false [--bind_host=127.0.0.1].
InteropFlags flags;
try
{
    flags = InteropFlags.Parse(args, "port", "use_tls", "bind_host");
    if (flags.GetBool("use_tls", false))
    {
        throw new ArgumentException("--use_tls=true is not supported by this interop server: run it with --use_tls=false");
    }
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["server:grpc:host"] = flags.Get("bind_host", "127.0.0.1"),
    ["server:grpc:port"] = flags.GetInt("port", 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["server:grpc:responseCompression"] = "gzip",
}).Build();

await using var server = GrpcServer.Load(configuration).AddService(new TestServiceImpl()).AddService(new ErrorDemoService()).Build();
await server.StartAsync(CancellationToken.None);
var address = server.Addresses[0];
var port = address[(address.LastIndexOf(':') + 1)..].TrimEnd('/');
Console.WriteLine($"listening on {port}");

var stop = new TaskCompletionSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
await server.StopAsync(timeout.Token);
return 0;
