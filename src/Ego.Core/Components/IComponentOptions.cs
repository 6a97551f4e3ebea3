namespace Ego.Components;

/// <summary>
/// Options of a component bound from its config section. <see cref="Validate"/> reports every
/// problem at once, each naming the offending key relative to the section (e.g. <c>port</c>).
/// </summary>
public interface IComponentOptions
{
    /// <summary>Adds one message per invalid value to <paramref name="errors"/>.</summary>
    void Validate(ICollection<ComponentOptionError> errors);
}
