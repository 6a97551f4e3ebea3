using Spectre.Console;

namespace Ego.Cli.Internal;

/// <summary>Shows each long step: a spinner on a terminal, one "done" line per step everywhere (logs, CI, tests).</summary>
internal sealed class CliProgress(TextWriter output)
{
    private readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Interactive = IsTerminal(output) ? InteractionSupport.Detect : InteractionSupport.No,
        Ansi = IsTerminal(output) ? AnsiSupport.Detect : AnsiSupport.No,
    });

    public async Task<T> StepAsync<T>(string description, Func<Task<T>> step)
    {
        T result;
        if (console.Profile.Capabilities.Interactive)
        {
            result = await console.Status().StartAsync(description, _ => step()).ConfigureAwait(false);
        }
        else
        {
            result = await step().ConfigureAwait(false);
        }

        console.MarkupLine($"[green]done[/] {Markup.Escape(description)}");
        return result;
    }

    public Task StepAsync(string description, Action step) => StepAsync(description, () =>
    {
        step();
        return Task.FromResult(true);
    });

    public void Line(string text) => console.WriteLine(text);

    /// <summary>Spinners and colours only on a terminal: redirected output (CI logs, pipes, tests) stays plain text.</summary>
    private static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
