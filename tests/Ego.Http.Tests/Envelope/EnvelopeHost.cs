using Ego.Http.Envelope;
using Ego.Http.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Http.Tests.Envelope;

/// <summary>An app on TestServer with UseEgoErrors, the given envelope options (none when null) and enveloped endpoints.</summary>
internal sealed class EnvelopeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EnvelopeHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<EnvelopeHost> StartAsync(Action<HttpEnvelopeOptions>? configure, Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (configure is not null)
        {
            builder.Services.AddEgoEnvelope(configure);
        }

        var app = builder.Build();
        app.UseEgoErrors();
        map(app.MapGroup("").WithEgoEnvelope());
        await app.StartAsync();
        return new EnvelopeHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
