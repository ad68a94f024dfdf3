using YamlDotNet.RepresentationModel;

namespace ReliefMatch.Tests.Deployment;

public sealed class DockerComposeTests
{
    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    [Fact]
    public void Services_PostgresAndReliefmatch_AreDefinedWithNamedVolumes()
    {
        var root = Load();
        var services = Map(root, "services");
        Assert.Contains(new YamlScalarNode("postgres"), services.Children.Keys);
        Assert.Contains(new YamlScalarNode("reliefmatch"), services.Children.Keys);

        var volumes = Map(root, "volumes");
        var app = Map(services, "reliefmatch");
        var mounts = ((YamlSequenceNode)app.Children[new YamlScalarNode("volumes")]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        // Every named volume a service mounts is declared at the top level (compose refuses the file otherwise).
        foreach (var mount in mounts.Concat(((YamlSequenceNode)Map(services, "postgres").Children[new YamlScalarNode("volumes")]).Children.Select(n => ((YamlScalarNode)n).Value!)))
        {
            var source = mount.Split(':')[0];
            if (!source.StartsWith('.') && !source.StartsWith('/'))
            {
                Assert.Contains(new YamlScalarNode(source), volumes.Children.Keys);
            }
        }
        Assert.Contains(mounts, m => m.EndsWith(":/inbox", StringComparison.Ordinal));
    }

    [Fact]
    public void Reliefmatch_UsesTheComposeDatabaseAndServes()
    {
        var app = Map(Map(Load(), "services"), "reliefmatch");
        var environment = Map(app, "environment");
        var connection = ((YamlScalarNode)environment.Children[new YamlScalarNode("RELIEFMATCH_DB")]).Value!;
        Assert.Contains("Host=postgres", connection, StringComparison.Ordinal);
        var command = ((YamlSequenceNode)app.Children[new YamlScalarNode("command")]).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Equal("serve", command[0]);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "Dockerfile")), "docker-compose builds from the Dockerfile");
    }
}
