using System.Text;
using Ego.Logging.Internal;

namespace Ego.Core.Tests.Logging;

/// <summary>A writer that holds every write until the test opens the gate, to fill an async queue.</summary>
internal sealed class GateWriter : ILogWriter
{
    private readonly ManualResetEventSlim _gate = new(false);

    public ManualResetEventSlim Entered { get; } = new(false);

    public List<string> Lines { get; } = [];

    public void Open() => _gate.Set();

    public void Write(ReadOnlySpan<byte> line)
    {
        Entered.Set();
        _gate.Wait(TimeSpan.FromSeconds(30));
        Lines.Add(Encoding.UTF8.GetString(line).TrimEnd('\n'));
    }

    public void Flush()
    {
    }

    public void Dispose()
    {
        _gate.Dispose();
        Entered.Dispose();
    }
}
