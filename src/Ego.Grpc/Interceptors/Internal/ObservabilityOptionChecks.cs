using Ego.Components;

namespace Ego.Grpc.Interceptors.Internal;

/// <summary>Checks of the access-log options shared by servers and clients.</summary>
internal static class ObservabilityOptionChecks
{
    public static void Check(ICollection<ComponentOptionError> errors, int reqMaxLength, int resMaxLength, TimeSpan slowLogThreshold)
    {
        if (reqMaxLength <= 0)
        {
            errors.Add(new("accessInterceptorReqMaxLength", $"{reqMaxLength} must be positive, e.g. 4096"));
        }

        if (resMaxLength <= 0)
        {
            errors.Add(new("accessInterceptorResMaxLength", $"{resMaxLength} must be positive, e.g. 4096"));
        }

        if (slowLogThreshold < TimeSpan.Zero)
        {
            errors.Add(new("slowLogThreshold", $"{slowLogThreshold} is negative: expected a duration such as \"500ms\" or 0 to turn it off"));
        }
    }
}
