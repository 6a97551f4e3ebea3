using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;

namespace HelloWorld;

/// <summary>Counts greetings per name in SQLite, with an in-process cache in front of the reads.</summary>
public sealed class GreetingStore(HelloOptions options, IMemoryCache cache)
{
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = options.Database }.ToString();

    /// <summary>Creates the schema; run by <c>--job=install</c>.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Database));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS greetings (name TEXT PRIMARY KEY, count INTEGER NOT NULL)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Seeds a first greeting; run by <c>--job=initialize</c>.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => GreetAsync("Ego.NET", cancellationToken);

    /// <summary>Records a greeting and returns how many times <paramref name="name"/> was greeted.</summary>
    public async Task<long> GreetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO greetings (name, count) VALUES ($name, 1) ON CONFLICT(name) DO UPDATE SET count = count + 1 RETURNING count";
        command.Parameters.AddWithValue("$name", name);
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        cache.Set(name, count, options.CacheTtl);
        return count;
    }

    /// <summary>How many times <paramref name="name"/> was greeted, from the cache when fresh.</summary>
    public async Task<long> CountAsync(string name, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(name, out long cached))
        {
            return cached;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count FROM greetings WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        var count = await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
        cache.Set(name, count, options.CacheTtl);
        return count;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
