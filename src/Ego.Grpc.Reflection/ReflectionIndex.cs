using Ego.Grpc.Reflection.Internal;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Reflection;

/// <summary>
/// The files, symbols and extensions reachable from the services a server exposes, indexed once at start.
/// Shared by the v1 and v1alpha reflection services.
/// </summary>
public sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> filesBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldDescriptor>> extensionsByType = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<string>> services;

    public ReflectionIndex(IEnumerable<ServiceDescriptor> services)
        : this(() => services)
    {
        ArgumentNullException.ThrowIfNull(services);
        EnsureBuilt();
    }

    /// <summary>An index built on first use from the descriptors <paramref name="services"/> returns.</summary>
    public ReflectionIndex(Func<IEnumerable<ServiceDescriptor>> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        this.services = new Lazy<IReadOnlyList<string>>(() => Build(services()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Fully qualified names of the exposed services.</summary>
    public IReadOnlyList<string> Services => services.Value;

    /// <summary>The maps are filled by the lazy service list; every lookup forces it first.</summary>
    private void EnsureBuilt() => _ = services.Value;

    private List<string> Build(IEnumerable<ServiceDescriptor> descriptors)
    {
        var list = descriptors.ToList();
        foreach (var service in list)
        {
            AddFile(service.File);
        }

        return list.Select(s => s.FullName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    internal ReflectionAnswer ListServices() => new(Services: Services);

    internal ReflectionAnswer FileByName(string name)
    {
        EnsureBuilt();
        return filesByName.TryGetValue(name, out var file) ? WithDependencies(file) : ReflectionAnswer.Error(StatusCode.NotFound, $"file '{name}' not found");
    }

    internal ReflectionAnswer FileContainingSymbol(string symbol)
    {
        EnsureBuilt();
        return filesBySymbol.TryGetValue(symbol.TrimStart('.'), out var file) ? WithDependencies(file) : ReflectionAnswer.Error(StatusCode.NotFound, $"symbol '{symbol}' not found");
    }

    internal ReflectionAnswer FileContainingExtension(string type, int number)
    {
        EnsureBuilt();
        var extension = extensionsByType.GetValueOrDefault(type.TrimStart('.'))?.FirstOrDefault(e => e.FieldNumber == number);
        return extension is null
            ? ReflectionAnswer.Error(StatusCode.NotFound, $"extension {number} of '{type}' not found")
            : WithDependencies(extension.File);
    }

    internal ReflectionAnswer ExtensionNumbers(string type)
    {
        EnsureBuilt();
        type = type.TrimStart('.');
        if (!filesBySymbol.ContainsKey(type))
        {
            return ReflectionAnswer.Error(StatusCode.NotFound, $"type '{type}' not found");
        }

        var numbers = extensionsByType.GetValueOrDefault(type)?.Select(e => e.FieldNumber).Order().ToList() ?? [];
        return new ReflectionAnswer(BaseTypeName: type, ExtensionNumbers: numbers);
    }

    /// <summary>The file first, then every file it depends on, each once, as grpc-go and grpc-java send them.</summary>
    private static ReflectionAnswer WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<ByteString>();
        var pending = new Queue<FileDescriptor>();
        pending.Enqueue(file);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.Name))
            {
                continue;
            }

            files.Add(next.SerializedData);
            foreach (var dependency in next.Dependencies)
            {
                pending.Enqueue(dependency);
            }
        }

        return new ReflectionAnswer(Files: files);
    }

    private void AddFile(FileDescriptor file)
    {
        if (!filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            filesBySymbol.TryAdd(service.FullName, file);
            foreach (var method in service.Methods)
            {
                filesBySymbol.TryAdd(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            filesBySymbol.TryAdd(enumType.FullName, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions);
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        filesBySymbol.TryAdd(message.FullName, file);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            filesBySymbol.TryAdd(field.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            filesBySymbol.TryAdd(enumType.FullName, file);
        }

        AddExtensions(message.Extensions.UnorderedExtensions);
    }

    private void AddExtensions(IEnumerable<FieldDescriptor> extensions)
    {
        foreach (var extension in extensions)
        {
            var type = extension.ExtendeeType.FullName;
            if (!extensionsByType.TryGetValue(type, out var list))
            {
                extensionsByType[type] = list = [];
            }

            list.Add(extension);
        }
    }
}
