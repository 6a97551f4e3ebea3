namespace Ego.Registry.Kubernetes.Internal;

/// <summary>Kubernetes name rules (RFC 1123 labels) for namespaces, services and port names.</summary>
internal static class KubernetesNames
{
    /// <summary>Lower-case alphanumerics and '-', starting and ending alphanumeric, 1 to 63 characters.</summary>
    public static bool IsLabel(string value)
    {
        if (value.Length is 0 or > 63 || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
