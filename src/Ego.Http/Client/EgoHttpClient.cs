using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Ego.Components;
using Ego.Discovery;
using Ego.Http.Errors;
using Microsoft.Extensions.Configuration;

namespace Ego.Http.Client;

/// <summary>
/// A configured HTTP client component: an <see cref="System.Net.Http.HttpClient"/> whose relative requests go to the
/// endpoints of <c>addr</c> through the balancer, with access log, metrics and tracing. Its helpers throw the
/// <see cref="Grpc.Errors.EgoError"/> a non-2xx response carries.
/// </summary>
public sealed class EgoHttpClient : IDisposable
{
    internal EgoHttpClient(string name, HttpClient httpClient, BalancedEndpoints endpoints)
    {
        Name = name;
        HttpClient = httpClient;
        Endpoints = endpoints;
    }

    /// <summary>The config key the client was built from.</summary>
    public string Name { get; }

    /// <summary>
    /// The underlying client: relative URIs are resolved against the logical base address and balanced; it returns
    /// non-2xx responses as they are (read them with <see cref="HttpErrors.ReadErrorAsync(HttpResponseMessage, CancellationToken)"/>).
    /// </summary>
    public HttpClient HttpClient { get; }

    /// <summary>The endpoints of the address, their state and figures.</summary>
    public BalancedEndpoints Endpoints { get; }

    /// <summary>Starts a builder from the <paramref name="key"/> section (e.g. <c>http.user</c>), which must exist.</summary>
    /// <exception cref="Ego.FailFast.EgoStartupException">The section is missing or has invalid values.</exception>
    public static EgoHttpClientBuilder Load(IConfiguration configuration, string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        var caller = new CallerLocation(callerFile, callerLine);
        var binding = ComponentConfiguration.Bind<EgoHttpClientOptions>(configuration, key, caller, EgoHttpClientBuilder.Component, required: true);
        return new EgoHttpClientBuilder(key, binding.Options, caller);
    }

    /// <summary>Sends <paramref name="request"/>; a non-2xx response is disposed and its error thrown.</summary>
    /// <exception cref="Grpc.Errors.EgoError">The response was not successful: our JSON error body decoded, or the HTTP status's code.</exception>
    /// <exception cref="HttpRequestException">No endpoint could be reached; the message names the target.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var response = await HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                await response.EnsureNoErrorAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>GETs <paramref name="path"/> and reads the JSON body as <typeparamref name="T"/>.</summary>
    /// <exception cref="Grpc.Errors.EgoError">The response was not successful.</exception>
    public async Task<T?> GetFromJsonAsync<T>(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/> and reads the JSON response as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="Grpc.Errors.EgoError">The response was not successful.</exception>
    public async Task<TResponse?> PostAsJsonAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<TResponse>(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        HttpClient.Dispose();
        _ = Endpoints.DisposeAsync().AsTask();
    }
}
