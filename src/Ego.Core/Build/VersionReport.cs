using System.Text;
using Ego.Hosting;

namespace Ego.Build;

/// <summary>The <c>--version</c> table, laid out as EGO prints it, plus the .NET version.</summary>
public static class VersionReport
{
    public static string Format(BuildInfo build, EgoEnvironment environment)
    {
        (string Name, string Value)[] rows =
        [
            ("EGO", "I am Ego.NET"),
            ("AppName", environment.AppName),
            ("AppHost", System.Environment.MachineName),
            ("Region", environment.Region),
            ("Zone", environment.Zone),
            ("AppVersion", build.AppVersion),
            ("EgoVersion", build.EgoVersion),
            ("BuildUser", build.BuildUser),
            ("BuildHost", build.BuildHost),
            ("BuildTime", build.BuildTime),
            ("BuildStatus", build.BuildStatus),
            ("BuildTag", build.BuildTag),
            ("DotnetVersion", build.DotnetVersion),
        ];

        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(14)).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }
}
