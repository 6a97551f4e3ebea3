namespace Ego.Registry.Kubernetes.Internal;

/// <summary>
/// The bearer token of API requests: a fixed one, or the content of a file read again every refresh interval,
/// since projected service account tokens are replaced on disk before they expire.
/// </summary>
internal sealed class TokenSource
{
    private readonly string? fixedToken;
    private readonly string? file;
    private readonly TimeSpan refresh;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private string? cached;
    private DateTimeOffset readAt;

    public TokenSource(string? fixedToken, string? file, TimeSpan refresh, TimeProvider time)
    {
        this.fixedToken = string.IsNullOrEmpty(fixedToken) ? null : fixedToken;
        this.file = string.IsNullOrEmpty(file) ? null : file;
        this.refresh = refresh;
        this.time = time;
    }

    /// <summary>Where the token comes from, for the governor.</summary>
    public string Origin => file is not null ? $"file {file}" : fixedToken is not null ? "token" : "none";

    /// <summary>The token to send, or null for none.</summary>
    /// <exception cref="IOException">The token file cannot be read and no earlier token is known.</exception>
    public string? Current()
    {
        if (file is null)
        {
            return fixedToken;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (cached is null || now - readAt >= refresh)
            {
                try
                {
                    cached = Read(file);
                    readAt = now;
                }
                catch (Exception exception) when (cached is not null && exception is IOException or UnauthorizedAccessException)
                {
                    // A rotation in progress can briefly hide the file: keep the previous token until the next read.
                }
            }

            return cached;
        }
    }

    /// <summary>Reads the file again on the next request, after the API answered 401.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            readAt = DateTimeOffset.MinValue;
        }
    }

    /// <summary>The trimmed content of <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read or is empty.</exception>
    public static string Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new IOException($"token file '{path}' cannot be read: {exception.Message}", exception);
        }

        return text.Length > 0 ? text : throw new IOException($"token file '{path}' is empty");
    }
}
