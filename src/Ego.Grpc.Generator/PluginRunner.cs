using Google.Protobuf.Compiler;

namespace Ego.Grpc.Generator;

/// <summary>Runs the plugin: request in, response out; every failure is reported in <c>CodeGeneratorResponse.error</c>.</summary>
internal static class PluginRunner
{
    public static void Run(Stream input, Stream output)
    {
        CodeGeneratorResponse response;
        try
        {
            response = Generate(RequestReader.Read(input));
        }
        catch (GeneratorException ex)
        {
            response = Failure(ex.Message);
        }
        catch (IOException ex)
        {
            response = Failure($"protoc-gen-ego could not read the request from stdin: {ex.Message}");
        }

        ResponseWriter.Write(response, output);
    }

    public static CodeGeneratorResponse Generate(CodeGeneratorRequest request)
    {
        try
        {
            return GenerateCore(request);
        }
        catch (GeneratorException ex)
        {
            return Failure(ex.Message);
        }
        catch (Exception ex)
        {
            // protoc shows the error text; a crash would only show an exit code.
            return Failure($"protoc-gen-ego failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static CodeGeneratorResponse GenerateCore(CodeGeneratorRequest request)
    {
        var options = GeneratorOptions.Parse(request.Parameter, out var errors);
        if (errors.Count > 0)
        {
            return Failure(string.Join(Environment.NewLine, errors));
        }

        var files = request.ProtoFile.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var types = new ProtoTypeIndex(request.ProtoFile);
        var errorProblems = new List<string>();
        var reasons = new Dictionary<string, ErrorValueModel>(StringComparer.Ordinal);
        var businessCodes = new Dictionary<long, ErrorValueModel>();
        var response = NewResponse();
        foreach (var name in request.FileToGenerate)
        {
            if (!files.TryGetValue(name, out var file))
            {
                throw new GeneratorException($"'{name}' is listed in file_to_generate but its descriptor is missing from proto_file.");
            }

            var errorClasses = options.GenerateErrors ? ErrorModelBuilder.Build(file, errorProblems) : [];
            CheckUniqueReasons(errorClasses, reasons, errorProblems);
            CheckUniqueBusinessCodes(errorClasses, businessCodes, errorProblems);
            if (file.Service.Count == 0 && errorClasses.Count == 0)
            {
                continue;
            }

            var builder = new ServiceModelBuilder(file, types);
            var services = Enumerable.Range(0, file.Service.Count).Select(builder.Build).ToList();
            response.File.Add(new CodeGeneratorResponse.Types.File
            {
                Name = CSharpNames.GrpcFileName(file),
                Content = FileEmitter.Emit(file, services, errorClasses, options),
            });
        }

        // Every error annotation problem of every file at once, so one build shows them all.
        return errorProblems.Count > 0 ? Failure(string.Join(Environment.NewLine, errorProblems)) : response;
    }

    // A reason identifies an error across services, so two values of the request must not share one.
    private static void CheckUniqueReasons(IReadOnlyList<ErrorClassModel> classes, Dictionary<string, ErrorValueModel> reasons, List<string> problems)
    {
        foreach (var error in classes.SelectMany(c => c.Errors))
        {
            if (!reasons.TryAdd(error.Reason, error))
            {
                problems.Add($"{error.Position}: reason '{error.Reason}' is already declared at {reasons[error.Reason].Position}; expected reasons unique across the request");
            }
        }
    }

    // A business code names one error for callers and support staff, so it must not be shared either.
    private static void CheckUniqueBusinessCodes(IReadOnlyList<ErrorClassModel> classes, Dictionary<long, ErrorValueModel> codes, List<string> problems)
    {
        foreach (var error in classes.SelectMany(c => c.Errors))
        {
            if (error.BusinessCode is { } code && !codes.TryAdd(code, error))
            {
                var first = codes[code];
                problems.Add($"{error.Position}: enum value {error.Reason}: business code {code} is already used by {first.Reason} at {first.Position}; expected business codes unique across the request");
            }
        }
    }

    // Service code does not depend on proto3 optional or on edition features, so both are supported as they come.
    private static CodeGeneratorResponse NewResponse() => new()
    {
        SupportedFeatures = (ulong)(CodeGeneratorResponse.Types.Feature.Proto3Optional | CodeGeneratorResponse.Types.Feature.SupportsEditions),
    };

    private static CodeGeneratorResponse Failure(string message)
    {
        var response = NewResponse();
        response.Error = message;
        return response;
    }
}
