namespace Ego.Cli.K8s;

/// <summary>
/// The service account of a service whose clients resolve <c>k8s:///</c> addresses, with a Role that lets it
/// get, list and watch EndpointSlices and Endpoints in its namespace (docs/registry-kubernetes.md).
/// </summary>
internal static class KubernetesRbac
{
    /// <param name="name">The service: service account name and label.</param>
    /// <param name="ns">Its namespace.</param>
    /// <param name="metadata">Writes the metadata block of (app, namespace, object name).</param>
    public static string Write(string name, string ns, Func<string, string, string, string> metadata) => $"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
        {metadata(name, ns, name)}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
        {metadata(name, ns, name + "-endpoint-reader")}
        rules:
          - apiGroups: ["discovery.k8s.io"]
            resources: ["endpointslices"]
            verbs: ["get", "list", "watch"]
          - apiGroups: [""]
            resources: ["endpoints"]
            verbs: ["get", "list", "watch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
        {metadata(name, ns, name + "-endpoint-reader")}
        subjects:
          - kind: ServiceAccount
            name: {YamlScalar.Quote(name)}
            namespace: {YamlScalar.Quote(ns)}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: {YamlScalar.Quote(name + "-endpoint-reader")}

        """;
}
