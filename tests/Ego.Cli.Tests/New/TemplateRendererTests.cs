using Ego.Cli.Internal;

namespace Ego.Cli.Tests.New;

public sealed class TemplateRendererTests
{
    private static readonly Dictionary<string, string> Values = new() { ["Name"] = "demo" };

    [Fact]
    public void Render_Placeholder_IsReplaced()
        => Assert.Equal("app demo {x}", TemplateRenderer.Render("app {{Name}} {x}", Values, new HashSet<string>()));

    [Fact]
    public void Render_Conditions_KeepOnlyTheLinesWhoseConditionHolds()
    {
        const string template = "a\n{{#if grpc}}\ngrpc\n{{#if !http}}\nonly grpc\n{{/if}}\n{{/if}}\n{{#if !grpc}}\nno grpc\n{{/if}}\nz";

        Assert.Equal("a\ngrpc\nonly grpc\nz", TemplateRenderer.Render(template, Values, new HashSet<string> { "grpc" }));
        Assert.Equal("a\ngrpc\nz", TemplateRenderer.Render(template, Values, new HashSet<string> { "grpc", "http" }));
        Assert.Equal("a\nno grpc\nz", TemplateRenderer.Render(template, Values, new HashSet<string>()));
    }

    [Fact]
    public void Render_UnknownPlaceholder_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Render("x\n{{Port}}", Values, new HashSet<string>()));

        Assert.Contains("line 2: no value for {{Port}}", error.Message);
    }

    [Fact]
    public void Render_UnclosedCondition_Throws()
        => Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Render("{{#if grpc}}\nx", Values, new HashSet<string>()));
}
