using Ego.Components;

namespace HelloWorld;

/// <summary>The sample's own settings, bound from the <c>hello</c> section like any component.</summary>
public sealed class HelloOptions : IComponentOptions
{
    public string Database { get; set; } = "data/hello.db";

    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (string.IsNullOrWhiteSpace(Database))
        {
            errors.Add(new("database", "expected a file path for the SQLite database"));
        }

        if (CacheTtl < TimeSpan.Zero)
        {
            errors.Add(new("cacheTtl", $"{CacheTtl} must not be negative"));
        }
    }
}
