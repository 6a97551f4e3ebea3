namespace Ego.FailFast;

/// <summary>
/// Turns an <see cref="EgoStartupException"/> that escapes user code (e.g. a component built in Program.cs)
/// into the fail-fast block and exit code 1, instead of the runtime's raw stack trace.
/// </summary>
internal static class UnhandledStartupErrors
{
    private static int installed;

    public static void Install(Func<bool> debug)
    {
        if (Interlocked.Exchange(ref installed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, args) =>
        {
            if (args.ExceptionObject is EgoStartupException exception)
            {
                Console.Error.Write(FailFastReport.Format(exception, colour: !Console.IsErrorRedirected, debug()));
                Console.Error.Flush();
                System.Environment.Exit(1);
            }
        };
    }
}
