namespace Ego.Proto.Syntax;

/// <summary>A number range <c>Start to End</c>; single numbers have <c>Start == End</c>.</summary>
public readonly record struct ProtoRange(long Start, long End, bool EndIsMax = false)
{
    public bool Contains(long number) => number >= Start && (EndIsMax || number <= End);

    public override string ToString() =>
        EndIsMax ? $"{Start} to max" : Start == End ? Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Start} to {End}";
}
