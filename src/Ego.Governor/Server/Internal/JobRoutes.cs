using System.Diagnostics;
using System.Text.Json.Nodes;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ego.Governor.Server.Internal;

/// <summary>
/// <c>/job/list</c> and <c>POST /jobs</c>: runs a registered job over HTTP as EGO does, naming it in the
/// <c>X-Ego-Job-Name</c> header (or <c>?name=</c>); the answer carries its exit code and log lines.
/// </summary>
internal static class JobRoutes
{
    public const string NameHeader = "X-Ego-Job-Name";
    public const string RunIdHeader = "X-Ego-Job-RunID";
    public const string ErrorHeader = "X-Ego-Job-Err";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/job/list", context =>
        {
            var jobs = new JsonArray();
            foreach (var job in Registry(context).Jobs.OrderBy(j => j.Name, StringComparer.Ordinal))
            {
                jobs.Add(new JsonObject { ["name"] = job.Name, ["description"] = job.Description });
            }

            return GovernorJson.WriteAsync(context, jobs);
        });
        routes.MapPost("/jobs", RunAsync);
    }

    private static JobRegistry Registry(HttpContext context) => context.RequestServices.GetService<JobRegistry>() ?? new JobRegistry();

    private static async Task RunAsync(HttpContext context)
    {
        var request = context.Request;
        var name = request.Headers[NameHeader].ToString();
        name = name.Length > 0 ? name : request.Query["name"].ToString();
        var runId = request.Headers[RunIdHeader].ToString();
        var response = new JsonObject { ["name"] = name, ["runId"] = runId };
        context.Response.Headers[NameHeader] = name;
        context.Response.Headers[RunIdHeader] = runId;
        if (name.Length == 0)
        {
            await FailAsync(context, response, $"no job named: set the {NameHeader} header or ?name=").ConfigureAwait(false);
            return;
        }

        var registry = Registry(context);
        if (!registry.TryGet(name, out var job))
        {
            var known = registry.Jobs.Select(j => j.Name).Order(StringComparer.Ordinal).ToList();
            await FailAsync(context, response, $"job '{name}' does not exist; registered jobs: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}").ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        var inner = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ego.Job");
        var logger = new CapturingLogger(inner);
        GovernorLog.JobRequested(inner, name, runId);
        var started = Stopwatch.GetTimestamp();
        var arguments = request.Query["arg"].Select(a => a ?? "").ToList();
        try
        {
            var code = await job.Run(new JobContext(name, services, services.GetRequiredService<IConfiguration>(), logger, arguments), context.RequestAborted).ConfigureAwait(false);
            response["exitCode"] = code;
            Finish(response, logger, started);
            if (code != 0)
            {
                await FailAsync(context, response, $"job '{name}' exited with code {code}").ConfigureAwait(false);
                return;
            }

            await GovernorJson.WriteAsync(context, response).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            inner.LogError(exception, "job {job} failed", name);
            Finish(response, logger, started);
            await FailAsync(context, response, $"job '{name}' failed: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
        }
    }

    private static void Finish(JsonObject response, CapturingLogger logger, long started)
    {
        response["costSeconds"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 3);
        response["output"] = GovernorJson.Array(logger.Lines);
    }

    private static Task FailAsync(HttpContext context, JsonObject response, string error)
    {
        // EGO reports job errors with 400 and the X-Ego-Job-Err header.
        response["error"] = error;
        context.Response.Headers[ErrorHeader] = error;
        return GovernorJson.WriteAsync(context, response, StatusCodes.Status400BadRequest);
    }
}
