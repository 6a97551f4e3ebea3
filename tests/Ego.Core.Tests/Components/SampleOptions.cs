using Ego.Components;

namespace Ego.Core.Tests.Components;

public sealed class SampleOptions : IComponentOptions
{
    public string Addr { get; set; } = "127.0.0.1:6379";

    public int PoolSize { get; set; } = 10;

    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public List<string> Tags { get; set; } = [];

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        if (PoolSize <= 0)
        {
            errors.Add(new("poolSize", $"{PoolSize} must be positive"));
        }

        if (string.IsNullOrWhiteSpace(Addr))
        {
            errors.Add(new("addr", "expected host:port"));
        }
    }
}
