using System.Collections.Concurrent;

namespace Ego.Grpc.Errors;

/// <summary>
/// The errors known to the process by reason, so a received error becomes the registered instance (EGO's FromError)
/// and <c>error.Is(UserErrors.NotFound)</c> works on remote errors. Generated error classes register themselves when
/// first used; reasons are unique: registering another error with a taken reason is refused.
/// </summary>
public static class EgoErrorRegistry
{
    private static readonly ConcurrentDictionary<string, EgoError> Errors = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="error"/> and returns it.</summary>
    /// <exception cref="ArgumentException">The reason is empty, or another error (different code) has it.</exception>
    public static EgoError Register(EgoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Reason.Length == 0)
        {
            throw new ArgumentException("an error without a reason cannot be registered: expected a reason such as 'user.v1.USER_ERR_NOT_FOUND'", nameof(error));
        }

        var existing = Errors.GetOrAdd(error.Reason, error);
        if (!ReferenceEquals(existing, error) && existing.Code != error.Code)
        {
            throw new ArgumentException($"reason '{error.Reason}' is already registered with code {existing.Code}; reasons must be unique", nameof(error));
        }

        return existing;
    }

    public static bool TryGet(string reason, out EgoError error) => Errors.TryGetValue(reason, out error!);

    /// <summary>Every registered error, ordered by reason.</summary>
    public static IReadOnlyList<EgoError> All => [.. Errors.Values.OrderBy(e => e.Reason, StringComparer.Ordinal)];
}
