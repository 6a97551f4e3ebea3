namespace Ego.Logging.Internal;

/// <summary>
/// Appends lines to a file, moving it to a timestamped backup when the next line would pass the size limit.
/// Lines are buffered whole (never split across writes) so collectors tailing the file see complete lines.
/// </summary>
internal sealed class RotatingFileWriter : ILogWriter
{
    private readonly string _path;
    private readonly long _maxSize;
    private readonly int _maxBackup;
    private readonly int _maxAge;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer;
    private FileStream _file;
    private int _buffered;
    private long _size;

    public RotatingFileWriter(LoggerSettings settings, int bufferSize, TimeProvider time)
    {
        _path = Path.GetFullPath(settings.FilePath);
        _maxSize = settings.MaxSizeBytes;
        _maxBackup = settings.MaxBackup;
        _maxAge = settings.MaxAge;
        _time = time;
        _buffer = bufferSize > 0 ? new byte[bufferSize] : [];
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _file = Open();
    }

    public void Write(ReadOnlySpan<byte> line)
    {
        if (_size > 0 && _size + line.Length > _maxSize)
        {
            Rotate();
        }

        _size += line.Length;
        if (line.Length > _buffer.Length - _buffered)
        {
            WriteBuffer();
            if (line.Length > _buffer.Length)
            {
                _file.Write(line);
                return;
            }
        }

        line.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += line.Length;
    }

    public void Flush()
    {
        WriteBuffer();
        _file.Flush();
    }

    public void Dispose()
    {
        WriteBuffer();
        _file.Dispose();
    }

    private FileStream Open()
    {
        // Delete sharing lets the file be renamed or removed by external rotation tools while open.
        var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _size = file.Length;
        return file;
    }

    private void WriteBuffer()
    {
        if (_buffered > 0)
        {
            _file.Write(_buffer, 0, _buffered);
            _buffered = 0;
        }
    }

    private void Rotate()
    {
        WriteBuffer();
        _file.Dispose();
        var now = _time.GetLocalNow().DateTime;
        var backup = LogBackups.BackupPath(_path, now);
        for (var i = 1; File.Exists(backup) && i < 1000; i++)
        {
            backup = LogBackups.BackupPath(_path, now.AddMilliseconds(i));
        }

        try
        {
            File.Move(_path, backup);
        }
        finally
        {
            _file = Open();
        }

        LogBackups.Prune(_path, _maxBackup, _maxAge, now);
    }
}
