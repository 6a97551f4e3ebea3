using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ego.Governor.Metrics.Internal;

/// <summary>Writes the tokens of the text exposition format as UTF-8 straight into a buffer writer.</summary>
internal readonly struct PrometheusTextWriter(IBufferWriter<byte> output)
{
    public void Raw(string text) => Encoding.UTF8.GetBytes(text.AsSpan(), output);

    public void Raw(char c)
    {
        var span = output.GetSpan(1);
        span[0] = (byte)c;
        output.Advance(1);
    }

    /// <summary>Help text: backslash and line feed are escaped.</summary>
    public void Help(string text) => Escaped(text, escapeQuote: false);

    /// <summary>A label value: backslash, double quote and line feed are escaped.</summary>
    public void LabelValue(string text) => Escaped(text, escapeQuote: true);

    /// <summary>A sample value as Prometheus parses it: <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c> or the shortest round-trip decimal.</summary>
    public void Number(double value)
    {
        if (double.IsNaN(value))
        {
            Raw("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            Raw(value > 0 ? "+Inf" : "-Inf");
            return;
        }

        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"could not format {value} in 32 bytes");
        }

        output.Advance(written);
    }

    public void Number(long value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    private void Escaped(string text, bool escapeQuote)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '"' when escapeQuote => "\\\"",
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            Encoding.UTF8.GetBytes(text.AsSpan(start, i - start), output);
            Raw(escape);
            start = i + 1;
        }

        Encoding.UTF8.GetBytes(text.AsSpan(start), output);
    }
}
