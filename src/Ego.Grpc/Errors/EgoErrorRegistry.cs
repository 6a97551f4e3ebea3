using System.Collections.Concurrent;

namespace Ego.Grpc.Errors;

/// <summary>
/// The errors known to the process by reason, so a received error becomes the registered instance (EGO's FromError)
/// and <c>error.Is(UserErrors.NotFound)</c> works on remote errors. Generated error classes register themselves when
/// their assembly loads (a module initializer); reasons are unique: registering another error with a taken reason is refused.
/// </summary>
public static class EgoErrorRegistry
{
    private static readonly ConcurrentDictionary<string, EgoError> Errors = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Reason, string Language), string> Translations = new();
    private static readonly ConcurrentDictionary<long, string> BusinessCodeReasons = new();
    private static readonly Lock RegisterLock = new();

    /// <summary>Registers <paramref name="error"/> and returns it.</summary>
    /// <exception cref="ArgumentException">
    /// The reason is empty, another error (different code or business code) has it, or its business code belongs to another reason.
    /// </exception>
    public static EgoError Register(EgoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Reason.Length == 0)
        {
            throw new ArgumentException("an error without a reason cannot be registered: expected a reason such as 'user.v1.USER_ERR_NOT_FOUND'", nameof(error));
        }

        // Registration happens at start-up; one lock keeps the reason and business-code tables consistent.
        lock (RegisterLock)
        {
            if (Errors.TryGetValue(error.Reason, out var existing))
            {
                if (existing.Code != error.Code || existing.BusinessCode != error.BusinessCode)
                {
                    throw new ArgumentException(
                        $"reason '{error.Reason}' is already registered with code {existing.Code} and business code {Describe(existing.BusinessCode)}; reasons must be unique",
                        nameof(error));
                }

                return existing;
            }

            if (error.BusinessCode is { } biz && BusinessCodeReasons.TryGetValue(biz, out var owner))
            {
                throw new ArgumentException($"business code {biz} of reason '{error.Reason}' is already registered for reason '{owner}'; business codes must be unique", nameof(error));
            }

            if (error.BusinessCode is { } code)
            {
                BusinessCodeReasons[code] = error.Reason;
            }

            Errors[error.Reason] = error;
            return error;
        }
    }

    private static string Describe(long? businessCode) => businessCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    public static bool TryGet(string reason, out EgoError error) => Errors.TryGetValue(reason, out error!);

    /// <summary>The registered error with business code <paramref name="businessCode"/>, if any.</summary>
    public static bool TryGetByBusinessCode(long businessCode, out EgoError error)
    {
        error = null!;
        return BusinessCodeReasons.TryGetValue(businessCode, out var reason) && Errors.TryGetValue(reason, out error!);
    }

    /// <summary>Adds the message of <paramref name="reason"/> in <paramref name="language"/> (e.g. <c>zh</c>, <c>en-US</c>), from <c>@i18n.zh="..."</c> annotations.</summary>
    public static void AddTranslation(string reason, string language, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(language);
        ArgumentNullException.ThrowIfNull(text);
        Translations[(reason, language.ToLowerInvariant())] = text;
    }

    /// <summary>The message of <paramref name="reason"/> in <paramref name="language"/>, falling back from <c>zh-CN</c> to <c>zh</c>; null when there is none.</summary>
    public static string? Translate(string reason, string language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(language);
        var key = language.ToLowerInvariant();
        while (true)
        {
            if (Translations.TryGetValue((reason, key), out var text))
            {
                return text;
            }

            var dash = key.LastIndexOf('-');
            if (dash <= 0)
            {
                return null;
            }

            key = key[..dash];
        }
    }

    /// <summary>Every registered error, ordered by reason.</summary>
    public static IReadOnlyList<EgoError> All => [.. Errors.Values.OrderBy(e => e.Reason, StringComparer.Ordinal)];
}
