using Ego.Proto.Lint;
using Ego.Proto.Syntax;

namespace Ego.Proto.Tests;

public sealed class ProtoLinterTests
{
    private const string GoodPath = "ego/demo/v1/demo.proto";

    private const string Good = """
        syntax = "proto3";

        package ego.demo.v1;

        // Demo serves things.
        service DemoService {
          // GetThing returns one thing.
          rpc GetThing(GetThingRequest) returns (Thing);
        }

        // GetThingRequest selects a thing.
        message GetThingRequest {
          // Id of the thing.
          string thing_id = 1;
          // Choice of view.
          oneof view_mode {
            // Full view.
            bool full_view = 2;
          }
        }

        // Thing is a thing.
        message Thing {
          // Status of the thing.
          Status status = 1;
        }

        // Status of a thing.
        enum Status {
          // Not set.
          STATUS_UNSPECIFIED = 0;
          // Active.
          STATUS_ACTIVE = 1;
        }
        """;

    public static TheoryData<string, string, string> Violations => new()
    {
        { "INDENT_SPACES", "message Thing {", "message Thing {\n\t// Status of the thing.\n\tStatus status = 1;" },
        { "INDENT_SPACES", "  STATUS_ACTIVE = 1;", "   STATUS_ACTIVE = 1;" },
        { "PACKAGE_DEFINED", "package ego.demo.v1;", "" },
        { "PACKAGE_LOWER_SNAKE_CASE", "package ego.demo.v1;", "package ego.Demo.v1;" },
        { "PACKAGE_VERSION_SUFFIX", "package ego.demo.v1;", "package ego.demo;" },
        { "PACKAGE_DIRECTORY_MATCH", "package ego.demo.v1;", "package ego.other.v1;" },
        { "MESSAGE_PASCAL_CASE", "message Thing {", "message thing_info {" },
        { "SERVICE_PASCAL_CASE", "service DemoService {", "service demo_service {" },
        { "RPC_PASCAL_CASE", "rpc GetThing(", "rpc get_thing(" },
        { "ENUM_PASCAL_CASE", "enum Status {", "enum STATUS {" },
        { "FIELD_LOWER_SNAKE_CASE", "string thing_id = 1;", "string thingId = 1;" },
        { "ONEOF_LOWER_SNAKE_CASE", "oneof view_mode {", "oneof ViewMode {" },
        { "ENUM_VALUE_UPPER_SNAKE_CASE", "STATUS_ACTIVE = 1;", "STATUS_Active = 1;" },
        { "ENUM_VALUE_PREFIX", "STATUS_ACTIVE = 1;", "ACTIVE = 1;" },
        { "ENUM_ZERO_VALUE_SUFFIX", "STATUS_UNSPECIFIED = 0;", "STATUS_UNKNOWN = 0;" },
        { "ENUM_ZERO_VALUE_SUFFIX", "STATUS_UNSPECIFIED = 0;", "STATUS_UNSPECIFIED = 2;" },
        { "COMMENT_LINE_STYLE", "// Not set.", "/* Not set. */" },
        { "COMMENT_SERVICE", "// Demo serves things.\n", "" },
        { "COMMENT_RPC", "  // GetThing returns one thing.\n", "" },
        { "COMMENT_MESSAGE", "// Thing is a thing.\n", "" },
        { "COMMENT_FIELD", "  // Id of the thing.\n", "" },
        { "COMMENT_FIELD", "  // Id of the thing.\n", "  //\n" },
        { "COMMENT_ENUM_VALUE", "  // Active.\n", "" },
        { "COMMENT_ENUM", "// Status of a thing.\n", "" },
        { "COMMENT_ONEOF", "  // Choice of view.\n", "" },
    };

    private static IReadOnlyList<ProtoDiagnostic> Lint(string text, LintOptions? options = null, string path = GoodPath) =>
        ProtoLinter.Lint([ProtoParser.Parse(text, path)], options ?? AllRulesOn());

    private static LintOptions AllRulesOn() =>
        new() { EnabledRules = ProtoLinter.Rules.Select(r => r.Id).ToHashSet() };

    [Fact]
    public void Lint_StyleConformingFile_ReportsNothingWithEveryRuleOn()
    {
        Assert.Empty(Lint(Good));
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void Lint_Violation_ReportsRule(string rule, string find, string replace)
    {
        Assert.Contains(find, Good, StringComparison.Ordinal);
        var bad = Good.Replace(find, replace, StringComparison.Ordinal);

        var diagnostics = Lint(bad);

        Assert.Contains(diagnostics, d => d.RuleId == rule);
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void Lint_ViolationWithRuleDisabled_DoesNotReportRule(string rule, string find, string replace)
    {
        var options = AllRulesOn();
        options.DisabledRules.Add(rule);

        var diagnostics = Lint(Good.Replace(find, replace, StringComparison.Ordinal), options);

        Assert.DoesNotContain(diagnostics, d => d.RuleId == rule);
    }

    [Fact]
    public void Violations_CoverEveryRule()
    {
        var covered = Violations.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(ProtoLinter.Rules.Select(r => r.Id).Order(), covered.Order());
    }

    [Fact]
    public void Lint_EnumValueWithoutPrefix_PrintsFileLineColumnRuleMessage()
    {
        var diagnostics = Lint(Good.Replace("STATUS_ACTIVE = 1;", "ACTIVE = 1;", StringComparison.Ordinal));

        Assert.Equal("ego/demo/v1/demo.proto:33:3 ENUM_VALUE_PREFIX enum value \"ACTIVE\" should be prefixed with \"STATUS_\"", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Lint_CustomZeroValueSuffix_ExpectsThatSuffix()
    {
        var options = new LintOptions { EnumZeroValueSuffix = "_UNKNOWN" };

        var diagnostics = Lint(Good, options);

        var finding = Assert.Single(diagnostics);
        Assert.Equal("enum zero value \"STATUS_UNSPECIFIED\" should be named \"STATUS_UNKNOWN\"", finding.Message);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1beta1")]
    [InlineData("v2alpha")]
    [InlineData("v3test")]
    public void Lint_PackageVersionVariants_AreAccepted(string version)
    {
        var text = Good.Replace("package ego.demo.v1;", $"package ego.demo.{version};", StringComparison.Ordinal);

        Assert.Empty(Lint(text, path: $"ego/demo/{version}/demo.proto"));
    }

    [Fact]
    public void Lint_Root_MakesPathsRelativeBeforeDirectoryCheck()
    {
        var root = Path.Combine(Path.GetTempPath(), "protos");
        var options = new LintOptions { Root = root };

        Assert.Empty(Lint(Good, options, Path.Combine(root, "ego", "demo", "v1", "demo.proto")));
        Assert.Contains(Lint(Good, options, Path.Combine(root, "demo.proto")), d => d.RuleId == "PACKAGE_DIRECTORY_MATCH");
    }

    [Fact]
    public void Lint_NoRoot_AcceptsDirectoryEndingInPackagePath()
    {
        Assert.Empty(Lint(Good, path: "/src/api/ego/demo/v1/demo.proto"));
        Assert.Contains(Lint(Good, path: "/src/api/ego/demo/demo.proto"), d => d.RuleId == "PACKAGE_DIRECTORY_MATCH");
    }

    [Fact]
    public void Lint_DefaultOptions_LeaveOffByDefaultRulesOff()
    {
        var text = Good.Replace("// Status of a thing.\n", "", StringComparison.Ordinal);

        Assert.Empty(ProtoLinter.Lint([ProtoParser.Parse(text, GoodPath)]));
    }

    [Fact]
    public void Lint_UnknownRuleInOptions_Throws()
    {
        var options = new LintOptions { DisabledRules = new HashSet<string> { "NO_SUCH_RULE" } };

        var error = Assert.Throws<ArgumentException>(() => Lint(Good, options));

        Assert.Contains("unknown lint rule 'NO_SUCH_RULE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_EachHasIdAndDescription()
    {
        Assert.All(ProtoLinter.Rules, r => Assert.Matches("^[A-Z_]+$", r.Id));
        Assert.All(ProtoLinter.Rules, r => Assert.NotEmpty(r.Description));
        Assert.Equal(ProtoLinter.Rules.Count, ProtoLinter.Rules.Select(r => r.Id).Distinct().Count());
    }
}
