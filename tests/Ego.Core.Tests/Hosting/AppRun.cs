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

    public static Dictionary<string, string?> Environment(params (string Name, string Value)[] variables)
        => variables.ToDictionary(v => v.Name, v => (string?)v.Value);
}
