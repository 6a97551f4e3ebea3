using System.Text;
using Ego.Hosting;
using Ego.Logging;
using Ego.Logging.Internal;

namespace Ego.Core.Tests.Logging;

public sealed class RotatingFileWriterTests
{
    [Fact]
    public void Write_PastMaxSize_RotatesToTimestampedBackupsAndKeepsMaxBackup()
    {
        using var ctx = new LogTestContext();
        using (var writer = new RotatingFileWriter(Settings(ctx, maxSize: "300B", maxBackup: 2, maxAge: 0), 0, ctx.Time))
        {
            for (var i = 1; i <= 10; i++)
            {
                writer.Write(Line(i));
                ctx.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var backups = Directory.GetFiles(ctx.Dir, "default-*.log").Select(f => Path.GetFileName(f)).Order().ToArray();
        // Lines 4, 7 and 10 each started a new file; the oldest backup (lines 1-3) was pruned.
        Assert.Equal(["default-2026-11-22T03-14-06.000.log", "default-2026-11-22T03-14-09.000.log"], backups);
        Assert.Equal([Text(4), Text(5), Text(6)], ctx.FileLines(backups[0]));
        Assert.Equal([Text(7), Text(8), Text(9)], ctx.FileLines(backups[1]));
        Assert.Equal([Text(10)], ctx.FileLines("default.log"));
    }

    [Fact]
    public void Write_Rotating_DeletesBackupsOlderThanMaxAgeOnly()
    {
        using var ctx = new LogTestContext();
        var old = Path.Combine(ctx.Dir, "default-2026-11-01T00-00-00.000.log");
        var recent = Path.Combine(ctx.Dir, "default-2026-11-20T00-00-00.000.log");
        var unrelated = Path.Combine(ctx.Dir, "default-notes.log");
        File.WriteAllText(old, "old\n");
        File.WriteAllText(recent, "recent\n");
        File.WriteAllText(unrelated, "keep\n");
        using (var writer = new RotatingFileWriter(Settings(ctx, maxSize: "150B", maxBackup: 0, maxAge: 7), 0, ctx.Time))
        {
            writer.Write(Line(1));
            writer.Write(Line(2));
        }

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));
        Assert.True(File.Exists(Path.Combine(ctx.Dir, "default-2026-11-22T03-14-00.000.log")));
    }

    [Fact]
    public void Write_Buffered_WritesWholeLinesOnFlush()
    {
        using var ctx = new LogTestContext();
        using var writer = new RotatingFileWriter(Settings(ctx, maxSize: "1MB", maxBackup: 1, maxAge: 0), 250, ctx.Time);

        writer.Write(Line(1));
        writer.Write(Line(2));
        writer.Write(Line(3));

        // The third line did not fit in the 250-byte buffer, so the first two went out whole.
        Assert.Equal([Text(1), Text(2)], ReadShared(ctx));
        writer.Flush();
        Assert.Equal([Text(1), Text(2), Text(3)], ReadShared(ctx));
    }

    private static string[] ReadShared(LogTestContext ctx)
    {
        using var stream = new FileStream(Path.Combine(ctx.Dir, "default.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    // 100 bytes per line including the newline.
    private static string Text(int i) => $"line {i:D3} ".PadRight(99, 'x');

    private static byte[] Line(int i) => Encoding.UTF8.GetBytes(Text(i) + "\n");

    private static LoggerSettings Settings(LogTestContext ctx, string maxSize, int maxBackup, int maxAge)
    {
        var errors = new List<string>();
        var options = new EgoLoggerOptions { Dir = ctx.Dir, MaxSize = maxSize, MaxBackup = maxBackup, MaxAge = maxAge };
        var settings = LoggerSettings.Resolve("logger.default", options, new EgoEnvironment(), "default.log", errors);
        Assert.Empty(errors);
        return settings;
    }
}
