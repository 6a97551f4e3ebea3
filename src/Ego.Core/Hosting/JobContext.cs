using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ego.Hosting;

/// <summary>What a job gets: the application's services and configuration, a logger, and the arguments left after the flags.</summary>
public sealed record JobContext(string Name, IServiceProvider Services, IConfiguration Configuration, ILogger Logger, IReadOnlyList<string> Arguments);
