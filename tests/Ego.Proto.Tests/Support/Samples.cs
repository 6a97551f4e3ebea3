namespace Ego.Proto.Tests.Support;

internal static class Samples
{
    public static readonly string[] Names = ["greeter.proto", "legacy.proto", "editions.proto", "messy.proto"];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
