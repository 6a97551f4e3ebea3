namespace Ego.Hosting;

/// <summary>Defaults of <see cref="EgoEnvironment"/>, the same as EGO's.</summary>
public static class EgoEnvironmentDefaults
{
    public const string ConfigPath = "config/local.toml";
    public const string Host = "0.0.0.0";
    public const string LogPath = "./logs";
    public const string TraceIdName = "x-trace-id";
    public const string LogWriter = "file";

    /// <summary>The executable's file name without extension, as EGO takes <c>filepath.Base(os.Args[0])</c>.</summary>
    public static string DefaultAppName()
    {
        var path = System.Environment.ProcessPath;
        var name = string.IsNullOrEmpty(path) ? null : Path.GetFileNameWithoutExtension(path);
        if (string.IsNullOrEmpty(name) || name is "dotnet")
        {
            name = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        }

        return string.IsNullOrEmpty(name) ? "app" : name;
    }
}
