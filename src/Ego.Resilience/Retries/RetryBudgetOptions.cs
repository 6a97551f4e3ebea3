using Ego.Components;

namespace Ego.Resilience.Retries;

/// <summary>
/// gRFC A6 retry throttling, under <c>retry.budget</c>: every failed attempt takes a token, every success gives back
/// <see cref="TokenRatio"/>; retries and hedges are sent only while more than half of <see cref="MaxTokens"/> are left.
/// </summary>
public sealed class RetryBudgetOptions : IComponentOptions
{
    public double MaxTokens { get; set; } = 10;

    public double TokenRatio { get; set; } = 0.1;

    public void Validate(ICollection<ComponentOptionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!(MaxTokens > 0 && MaxTokens <= 1000))
        {
            errors.Add(new("maxTokens", $"{MaxTokens} must be in (0, 1000], e.g. 10"));
        }

        if (!(TokenRatio > 0 && TokenRatio <= 1))
        {
            errors.Add(new("tokenRatio", $"{TokenRatio} must be in (0, 1], e.g. 0.1"));
        }
    }
}
