namespace Ego.Configuration;

/// <summary>Turns the text of one config file format into flat configuration keys (<c>server:grpc:port</c>).</summary>
public interface IConfigFileParser
{
    /// <exception cref="ConfigFileFormatException">The text is not valid in this format.</exception>
    IDictionary<string, string?> Parse(string text, string path);
}
