using Ego.Components;

namespace Ego.Resilience.Client.Internal;

/// <summary>Validates a nested options object and reports its errors under its key.</summary>
internal static class Nested
{
    public static void Validate(string key, IComponentOptions options, ICollection<ComponentOptionError> errors)
    {
        var inner = new List<ComponentOptionError>();
        options.Validate(inner);
        foreach (var error in inner)
        {
            errors.Add(new(key + "." + error.Key, error.Message));
        }
    }
}
