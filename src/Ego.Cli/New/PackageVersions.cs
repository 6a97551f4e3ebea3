namespace Ego.Cli.New;

/// <summary>
/// Versions of the third-party packages a new service references: the ones Ego.NET itself is built and tested
/// with (Directory.Packages.props of the repository; a test keeps them equal).
/// </summary>
internal static class PackageVersions
{
    public const string GoogleProtobuf = "3.25.1";
    public const string GrpcTools = "2.85.0";
    public const string TestSdk = "18.0.1";
    public const string Xunit = "2.9.3";
    public const string XunitRunner = "3.1.5";
}
