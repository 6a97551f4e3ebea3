namespace Ego.Hosting;

/// <summary>The jobs registered with the application, by name (case-sensitive, as typed on the command line).</summary>
public sealed class JobRegistry
{
    private readonly Dictionary<string, EgoJob> jobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<EgoJob> Jobs => jobs.Values;

    /// <exception cref="ArgumentException">The name is empty, has white space, or is taken.</exception>
    public void Add(EgoJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (string.IsNullOrWhiteSpace(job.Name) || job.Name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"job name '{job.Name}' is not valid: expected a non-empty name without spaces", nameof(job));
        }

        if (!jobs.TryAdd(job.Name, job))
        {
            throw new ArgumentException($"a job named '{job.Name}' is already registered", nameof(job));
        }
    }

    public bool TryGet(string name, out EgoJob job) => jobs.TryGetValue(name, out job!);
}
