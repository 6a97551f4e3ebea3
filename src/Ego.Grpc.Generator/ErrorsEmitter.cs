using System.Text;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>
/// Writes the error classes of a proto file: one registered <c>EgoError</c> property per enum value, and a module
/// initializer that registers every reason and translation when the assembly loads, before any remote error is decoded.
/// </summary>
internal sealed class ErrorsEmitter(CodeWriter writer, GeneratorOptions options)
{
    private const string Errors = "global::Ego.Grpc.Errors.";

    private string Access => options.InternalAccess ? "internal" : "public";

    public void Emit(FileDescriptorProto file, ErrorClassModel model)
    {
        writer.Line($"/// <summary>Errors declared in {DocText(file.Name)} (reason = proto package + enum value name).</summary>");
        writer.Open($"{Access} static partial class {CSharpNames.Escape(model.ClassName)}");
        foreach (var error in model.Errors)
        {
            DocComments.Write(writer, error.Comment ?? $"The error {error.Reason}.");
            var biz = error.BusinessCode is { } b ? $", business code <c>{b}</c>" : "";
            writer.Line($"/// <remarks>Code <c>{error.CodeName}</c>, reason <c>{DocText(error.Reason)}</c>{biz}.</remarks>");
            if (error.Deprecated)
            {
                writer.Line("[global::System.Obsolete]");
            }

            writer.Line($"public static {Errors}EgoError {error.PropertyName} {{ get; }} = {Errors}EgoErrorRegistry.Register(");
            writer.Indent().Indent();
            var businessCode = error.BusinessCode is { } code ? $", businessCode: {code}L" : "";
            writer.Line($"new {Errors}EgoError(global::Ego.Grpc.StatusCode.{error.CodeMember}, {Literal(error.Reason)}, {Literal(error.Message)}{businessCode}));");
            writer.Outdent().Outdent();
            writer.Line();
        }

        // Runs when the assembly loads: a reason received from a peer must find its registered error even if this class was never used.
        writer.Line("#pragma warning disable CA2255");
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Open($"internal static void {InitializerName(file)}()");
        writer.Line($"global::System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof({CSharpNames.Escape(model.ClassName)}).TypeHandle);");
        foreach (var error in model.Errors)
        {
            foreach (var (language, text) in error.Translations)
            {
                writer.Line($"{Errors}EgoErrorRegistry.AddTranslation({Literal(error.Reason)}, {Literal(language)}, {Literal(text)});");
            }
        }

        writer.Close();
        writer.Line("#pragma warning restore CA2255");
        writer.Close();
    }

    // Unique per proto file, so error classes of several files in one namespace may share a name (partial classes).
    private static string InitializerName(FileDescriptorProto file)
    {
        var name = new StringBuilder("__RegisterErrorsOf_");
        foreach (var c in file.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>A C# regular string literal; quotes, backslashes and control characters are escaped, other text kept.</summary>
    public static string Literal(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return result.Append('"').ToString();
    }

    private static string DocText(string text) => System.Security.SecurityElement.Escape(text);
}
