using YamlDotNet.RepresentationModel;

namespace Ego.Cli.Tests.K8s;

public sealed class K8sCommandTests : IDisposable
{
    private const string BothServers = """
        [app]
        stopTimeout = "10s"

        [server.http]
        port = 9101

        [server.grpc]
        host = "0.0.0.0"
        port = 9102

        [hello]
        greeting = "say \"hi\": twice"
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task K8s_ConfigWithGrpcAndHttp_WritesManifestsThatParseBack()
    {
        var config = temp.Write("config/local.toml", BothServers);

        var (code, output, error) = await Egoctl.RunAsync("k8s", "--name", "order-api", "--image", "registry.example.com/order-api:1.2.0", "--config", config, "--namespace", "shop", "-o", temp.Path("deploy"));

        Assert.True(code == 0, error);
        Assert.Contains("deployment.yaml", output);
        var deployment = Load("deployment.yaml");
        Assert.Equal("Deployment", Scalar(deployment, "kind"));
        Assert.Equal("shop", Scalar(deployment, "metadata", "namespace"));
        var pod = Node(deployment, "spec", "template");
        Assert.Equal("true", Scalar(pod, "metadata", "annotations", "prometheus.io/scrape"));
        Assert.Equal("9003", Scalar(pod, "metadata", "annotations", "prometheus.io/port"));
        var container = (YamlMappingNode)((YamlSequenceNode)Node(pod, "spec", "containers"))[0];
        Assert.Equal("registry.example.com/order-api:1.2.0", Scalar(container, "image"));
        Assert.Equal("grpc", Scalar(container, "livenessProbe", "tcpSocket", "port"));
        Assert.Equal("9102", Scalar(container, "readinessProbe", "grpc", "port"));
        Assert.Equal("512Mi", Scalar(container, "resources", "limits", "memory"));
        var env = ((YamlSequenceNode)Node(container, "env")).Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name"), e => e);
        Assert.Equal("order-api", Scalar(env["EGO_NAME"], "value"));
        Assert.Equal("/app/config/local.toml", Scalar(env["EGO_CONFIG_PATH"], "value"));
        Assert.Equal("metadata.name", Scalar(env["EGO_INSTANCE"], "valueFrom", "fieldRef", "fieldPath"));
        var mount = (YamlMappingNode)((YamlSequenceNode)Node(container, "volumeMounts"))[0];
        Assert.Equal("/app/config", Scalar(mount, "mountPath"));
    }

    [Fact]
    public async Task K8s_Config_ConfigMapHoldsTheFileVerbatim()
    {
        var config = temp.Write("config/local.toml", BothServers + "\n");

        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "order-api", "--config", config, "-o", temp.Path("deploy"));

        Assert.True(code == 0, error);
        var configMap = Load("configmap.yaml");
        Assert.Equal("order-api-config", Scalar(configMap, "metadata", "name"));
        Assert.Equal(BothServers + "\n", Scalar(configMap, "data", "local.toml"));
        var service = Load("service.yaml");
        var ports = ((YamlSequenceNode)Node(service, "spec", "ports")).Cast<YamlMappingNode>().Select(p => Scalar(p, "name") + "=" + Scalar(p, "port"));
        Assert.Equal(["http=9101", "grpc=9102"], ports);
    }

    [Fact]
    public async Task K8s_HttpOnlyConfig_ReadinessChecksHttpHealth()
    {
        var config = temp.Write("config/local.toml", "[server.http]\n");

        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "web", "--config", config, "-o", temp.Path("deploy"));

        Assert.True(code == 0, error);
        var container = (YamlMappingNode)((YamlSequenceNode)Node(Load("deployment.yaml"), "spec", "template", "spec", "containers"))[0];
        Assert.Equal("http", Scalar(container, "livenessProbe", "tcpSocket", "port"));
        Assert.Equal("/health", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("X-Health-Check", Scalar((YamlMappingNode)((YamlSequenceNode)Node(container, "readinessProbe", "httpGet", "httpHeaders"))[0], "name"));
        Assert.Equal("9001", Scalar((YamlMappingNode)((YamlSequenceNode)Node(container, "ports"))[0], "containerPort"));
    }

    [Fact]
    public async Task K8s_YamlConfig_ReadsPorts()
    {
        var config = temp.Write("config/prod.yaml", "server:\n  grpc:\n    port: 7000\n");

        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "api", "--config", config, "-o", temp.Path("deploy"));

        Assert.True(code == 0, error);
        var container = (YamlMappingNode)((YamlSequenceNode)Node(Load("deployment.yaml"), "spec", "template", "spec", "containers"))[0];
        Assert.Equal("7000", Scalar(container, "readinessProbe", "grpc", "port"));
        Assert.Equal("/app/config/prod.yaml", Scalar(((YamlSequenceNode)Node(container, "env")).Cast<YamlMappingNode>().Single(e => Scalar(e, "name") == "EGO_CONFIG_PATH"), "value"));
    }

    [Fact]
    public async Task K8s_ClientResolvingThroughKubernetes_WritesServiceAccountAllowedToWatchEndpoints()
    {
        var config = temp.Write("config/local.toml", "[server.grpc]\n\n[grpc.orders]\naddr = \"k8s:///orders.shop:grpc\"\n");

        var (code, output, error) = await Egoctl.RunAsync("k8s", "--name", "web", "--config", config, "--namespace", "shop", "-o", temp.Path("deploy"));

        Assert.True(code == 0, error);
        Assert.Contains("rbac.yaml", output);
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(temp.Path("deploy", "rbac.yaml"))));
        var documents = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToDictionary(d => Scalar(d, "kind"));
        Assert.Equal(["ServiceAccount", "Role", "RoleBinding"], documents.Keys);
        var rules = ((YamlSequenceNode)Node(documents["Role"], "rules")).Cast<YamlMappingNode>()
            .Select(r => $"{((YamlSequenceNode)r.Children[new YamlScalarNode("apiGroups")])[0]}/{((YamlSequenceNode)r.Children[new YamlScalarNode("resources")])[0]}:"
                + string.Join(',', (YamlSequenceNode)r.Children[new YamlScalarNode("verbs")]));
        Assert.Equal(["discovery.k8s.io/endpointslices:get,list,watch", "/endpoints:get,list,watch"], rules);
        Assert.Equal("shop", Scalar(documents["RoleBinding"], "metadata", "namespace"));
        Assert.Equal("web", Scalar((YamlMappingNode)((YamlSequenceNode)Node(documents["RoleBinding"], "subjects"))[0], "name"));
        Assert.Equal(Scalar(documents["Role"], "metadata", "name"), Scalar(documents["RoleBinding"], "roleRef", "name"));
        Assert.Equal("web", Scalar(Load("deployment.yaml"), "spec", "template", "spec", "serviceAccountName"));
    }

    [Fact]
    public async Task K8s_NoKubernetesAddr_WritesNoServiceAccount()
    {
        var config = temp.Write("config/local.toml", "[server.grpc]\n\n[grpc.orders]\naddr = \"dns:///orders:9002\"\n");

        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "web", "--config", config, "-o", temp.Path("deploy"));

        Assert.True(code == 0, error);
        Assert.False(File.Exists(temp.Path("deploy", "rbac.yaml")));
        Assert.False(((YamlMappingNode)Node(Load("deployment.yaml"), "spec", "template", "spec")).Children.ContainsKey(new YamlScalarNode("serviceAccountName")));
    }

    [Fact]
    public async Task K8s_MissingConfig_ExitsTwoNamingTheFile()
    {
        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "api", "--config", temp.Path("nope.toml"), "-o", temp.Path("deploy"));

        Assert.Equal(2, code);
        Assert.Contains("nope.toml: no such file", error);
    }

    [Fact]
    public async Task K8s_ConfigWithoutServers_ExitsTwo()
    {
        var config = temp.Write("config/local.toml", "[app]\n");

        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "api", "--config", config, "-o", temp.Path("deploy"));

        Assert.Equal(2, code);
        Assert.Contains("no [server.http] or [server.grpc] section", error);
    }

    [Fact]
    public async Task K8s_BadName_ExitsTwo()
    {
        var (code, _, error) = await Egoctl.RunAsync("k8s", "--name", "Order_API", "--config", temp.Write("c.toml", "[server.http]\n"), "-o", temp.Path("deploy"));

        Assert.Equal(2, code);
        Assert.Contains("--name 'Order_API' is not a service name", error);
    }

    [Fact]
    public async Task K8s_BadFlagValue_ExitsNonZeroNamingTheFlag()
    {
        var (code, _, error) = await Egoctl.RunAsync("k8s", "--replicas", "many");

        Assert.NotEqual(0, code);
        Assert.Contains("many", error);
    }

    public void Dispose() => temp.Dispose();

    private YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(temp.Path("deploy", file))));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;
}
