using Ego.Hosting;

namespace Ego.Core.Tests.Hosting;

/// <summary>Runs an <see cref="EgoApplication"/> with captured output, as a user would see it on the console.</summary>
internal sealed record AppRun(int ExitCode, string Output, string Error)
{
    public static async Task<AppRun> RunAsync(EgoApplicationBuilder builder, Action<EgoApplication>? configure = null)
    {
        await using var app = builder.Build();
        var output = new StringWriter();
        var error = new StringWriter();
        app.Output = output;
        app.Error = error;
        configure?.Invoke(app);
        var code = await app.RunAsync();
        return new AppRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Environment variables for a test app; logs go to a temp folder, never the test's working directory.</summary>
    public static Dictionary<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?> { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }
}
