using System.Reflection;
using Ego.Configuration;
using Ego.FailFast;
using Microsoft.Extensions.Configuration;

namespace Ego.Components;

/// <summary>
/// Binds a component's options from its config section over the defaults set in the options
/// class, validates them, and turns every problem into one fail-fast error naming the key.
/// </summary>
public static class ComponentConfiguration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="key"/> (dotted, e.g. <c>server.grpc</c>).
    /// With <paramref name="required"/>, a missing section is an error; otherwise the defaults apply.
    /// </summary>
    /// <exception cref="EgoStartupException">The section is missing, a value does not convert, or validation fails.</exception>
    public static ComponentBinding<TOptions> Bind<TOptions>(IConfiguration configuration, string key, CallerLocation caller, string component, bool required = false)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(key);
        DurationTypeConverter.EnsureRegistered();

        var section = configuration.GetSection(ConfigKey.ToPath(key));
        if (required && !section.Exists())
        {
            throw new EgoStartupException("parse config error", $"{key}: invalid key, maybe not exist in config", key, caller, component);
        }

        var options = new TOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            var detail = exception.InnerException?.Message ?? exception.Message;
            throw new EgoStartupException("invalid config", ConfigKey.FromPath(exception.Message) + (exception.InnerException is null ? "" : " " + detail), key, caller, component, exception);
        }

        if (options is IComponentOptions validatable)
        {
            var errors = new List<ComponentOptionError>();
            validatable.Validate(errors);
            if (errors.Count > 0)
            {
                var error = string.Join("; ", errors.Select(e => $"{key}.{e.Key}: {e.Message}"));
                throw new EgoStartupException("invalid config", error, key, caller, component);
            }
        }

        return new ComponentBinding<TOptions>(key, options, FindUnknownKeys(section, typeof(TOptions), key));
    }

    private static List<string> FindUnknownKeys(IConfigurationSection section, Type optionsType, string key)
    {
        var unknown = new List<string>();
        Collect(section, optionsType, key, unknown, depth: 0);
        return unknown;
    }

    private static void Collect(IConfigurationSection section, Type type, string prefix, List<string> unknown, int depth)
    {
        if (depth > 4 || IsLeaf(type))
        {
            return;
        }

        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            var childKey = $"{prefix}.{child.Key}";
            if (property is null)
            {
                if (!typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
                {
                    unknown.Add(childKey);
                }

                continue;
            }

            Collect(child, property.PropertyType, childKey, unknown, depth + 1);
        }
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal)
           || Nullable.GetUnderlyingType(type) is not null || typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
