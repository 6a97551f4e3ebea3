using System.Text;

namespace Ego.Hosting;

/// <summary>The <c>--help</c> output: every flag with its environment variable and default.</summary>
public static class HelpText
{
    public static string Format(string appName, IEnumerable<EgoJob> jobs)
    {
        var text = new StringBuilder();
        text.Append("Usage: ").Append(appName).Append(" [flags] [--section.key=value ...]\n\nFlags:\n");
        foreach (var flag in EgoFlag.All)
        {
            AppendRow(text, "--" + flag.Name + (flag.IsSwitch ? "" : "=VALUE"), flag);
        }

        text.Append("\nEnvironment:\n");
        foreach (var setting in EgoFlag.EnvironmentOnly)
        {
            AppendRow(text, setting.EnvironmentVariable!, setting);
        }

        text.Append("\nConfig values can be overridden by environment variables (EGO__server__grpc__port=9100)\n")
            .Append("and by flags (--server.grpc.port=9100). Precedence: defaults < file < environment < flags.\n");

        var jobList = jobs.ToList();
        if (jobList.Count > 0)
        {
            text.Append("\nJobs (--job=NAME):\n");
            foreach (var job in jobList)
            {
                text.Append("  ").Append(job.Name.PadRight(24)).Append(job.Description).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string name, EgoFlag flag)
    {
        text.Append("  ").Append(name.PadRight(26));
        text.Append((flag.EnvironmentVariable is null || name == flag.EnvironmentVariable ? "" : flag.EnvironmentVariable).PadRight(20));
        text.Append(flag.Description);
        if (flag.Default.Length > 0)
        {
            text.Append(" (default ").Append(flag.Default).Append(')');
        }

        text.Append('\n');
    }
}
