namespace Ego.Components;

/// <summary>Converts between EGO's dotted keys (<c>server.grpc</c>) and <see cref="Microsoft.Extensions.Configuration.IConfiguration"/> paths (<c>server:grpc</c>).</summary>
public static class ConfigKey
{
    public static string ToPath(string key) => key.Replace('.', ':');

    public static string FromPath(string path) => path.Replace(':', '.');
}
