namespace Ego.Cli.Gen;

/// <summary>What <c>egoctl gen</c> did with one file.</summary>
internal enum GenOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>Edited since it was generated (or never generated): left as it is.</summary>
    Kept,
}
