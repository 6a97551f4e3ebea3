using System.Globalization;
using System.Text;

namespace Ego.Cli.K8s;

/// <summary>
/// Writes the Kubernetes manifests of a service: a Deployment (TCP liveness on the service port, gRPC health or HTTP
/// readiness, resources, EGO_* environment, Prometheus annotations for the governor, the config mounted where the
/// app reads it), a Service and the ConfigMap holding the config file.
/// </summary>
internal static class K8sManifestWriter
{
    /// <summary>File name → YAML text, in the order to apply them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Write(K8sManifestOptions options)
    {
        if (options.Ports.Http is null && options.Ports.Grpc is null)
        {
            throw new ArgumentException($"{options.ConfigFileName}: no [server.http] or [server.grpc] section: expected at least one server to deploy", nameof(options));
        }

        List<KeyValuePair<string, string>> files = [new("configmap.yaml", ConfigMap(options))];
        if (options.KubernetesDiscovery)
        {
            files.Add(new("rbac.yaml", KubernetesRbac.Write(options.Name, options.Namespace, Metadata)));
        }

        files.Add(new("deployment.yaml", Deployment(options)));
        files.Add(new("service.yaml", Service(options)));
        return files;
    }

    private static string ConfigMap(K8sManifestOptions o) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
        {Metadata(o, o.Name + "-config")}
        data:
          {YamlScalar.Quote(o.ConfigFileName)}: {YamlScalar.Block(o.ConfigText, 4, 2)}

        """;

    private static string Service(K8sManifestOptions o)
    {
        var ports = new StringBuilder();
        if (o.Ports.Http is { } http)
        {
            ports.Append(CultureInfo.InvariantCulture, $"\n    - name: http\n      port: {http}\n      targetPort: http\n      protocol: TCP");
        }

        if (o.Ports.Grpc is { } grpc)
        {
            ports.Append(CultureInfo.InvariantCulture, $"\n    - name: grpc\n      port: {grpc}\n      targetPort: grpc\n      protocol: TCP\n      appProtocol: kubernetes.io/h2c");
        }

        return $"""
            apiVersion: v1
            kind: Service
            metadata:
            {Metadata(o, o.Name)}
            spec:
              type: ClusterIP
              selector:
                app.kubernetes.io/name: {YamlScalar.Quote(o.Name)}
              ports:{ports}

            """;
    }

    private static string Deployment(K8sManifestOptions o)
    {
        var ports = new StringBuilder();
        foreach (var (name, port) in new[] { ("http", o.Ports.Http), ("grpc", o.Ports.Grpc), ("governor", (int?)o.GovernorPort) })
        {
            if (port is not null)
            {
                ports.Append(CultureInfo.InvariantCulture, $"\n            - name: {name}\n              containerPort: {port}\n              protocol: TCP");
            }
        }

        // A gRPC service is ready when grpc.health.v1 says SERVING; an HTTP-only one when its health endpoint answers.
        var readiness = o.Ports.Grpc is { } grpcPort
            ? $"grpc:\n              port: {grpcPort.ToString(CultureInfo.InvariantCulture)}"
            : "httpGet:\n              path: /health\n              port: http\n              httpHeaders:\n                - name: X-Health-Check\n                  value: \"1\"";
        var liveness = o.Ports.Grpc is not null ? "grpc" : "http";
        var configPath = o.ConfigDirectory.TrimEnd('/') + "/" + o.ConfigFileName;
        var serviceAccount = o.KubernetesDiscovery ? "\n      serviceAccountName: " + YamlScalar.Quote(o.Name) : "";
        return $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
            {Metadata(o, o.Name)}
            spec:
              replicas: {o.Replicas.ToString(CultureInfo.InvariantCulture)}
              selector:
                matchLabels:
                  app.kubernetes.io/name: {YamlScalar.Quote(o.Name)}
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: {YamlScalar.Quote(o.Name)}
                  annotations:
                    prometheus.io/scrape: "true"
                    prometheus.io/port: {YamlScalar.Quote(o.GovernorPort.ToString(CultureInfo.InvariantCulture))}
                spec:
                  terminationGracePeriodSeconds: 30{serviceAccount}
                  containers:
                    - name: {YamlScalar.Quote(o.Name)}
                      image: {YamlScalar.Quote(o.Image)}
                      ports:{ports}
                      env:
                        - name: EGO_NAME
                          value: {YamlScalar.Quote(o.Name)}
                        - name: EGO_CONFIG_PATH
                          value: {YamlScalar.Quote(configPath)}
                        - name: EGO_WATCH
                          value: "true"
                        - name: EGO_MODE
                          value: "prod"
                        - name: EGO_LOG_WRITER
                          value: "stdout"
                        - name: EGO_INSTANCE
                          valueFrom:
                            fieldRef:
                              fieldPath: metadata.name
                      livenessProbe:
                        tcpSocket:
                          port: {liveness}
                        initialDelaySeconds: 5
                        periodSeconds: 10
                      readinessProbe:
                        {readiness}
                        periodSeconds: 5
                      resources:
                        requests:
                          cpu: "100m"
                          memory: "128Mi"
                        limits:
                          cpu: "1"
                          memory: "512Mi"
                      volumeMounts:
                        - name: config
                          mountPath: {YamlScalar.Quote(o.ConfigDirectory)}
                          readOnly: true
                  volumes:
                    - name: config
                      configMap:
                        name: {YamlScalar.Quote(o.Name + "-config")}

            """;
    }

    private static string Metadata(K8sManifestOptions o, string name) => Metadata(o.Name, o.Namespace, name);

    private static string Metadata(string app, string ns, string name)
        => $"  name: {YamlScalar.Quote(name)}\n  namespace: {YamlScalar.Quote(ns)}\n  labels:\n    app.kubernetes.io/name: {YamlScalar.Quote(app)}\n    app.kubernetes.io/managed-by: \"egoctl\"";
}
