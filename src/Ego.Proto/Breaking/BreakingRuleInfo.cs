namespace Ego.Proto.Breaking;

/// <summary>A kind of breaking change the detector reports.</summary>
public sealed record BreakingRuleInfo(string Id, string Description);
