using System.ComponentModel;
using System.Globalization;

namespace Ego.Configuration;

/// <summary>
/// Lets the configuration binder read <see cref="TimeSpan"/> options from duration strings like "500ms".
/// The binder asks <see cref="TypeDescriptor"/> for converters, so registering once covers every options class.
/// </summary>
public sealed class DurationTypeConverter : TimeSpanConverter
{
    private static int registered;

    /// <summary>Registers the converter for <see cref="TimeSpan"/>; safe to call many times.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationTypeConverter)));
        }
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        => value is string text ? Duration.Parse(text) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => value is TimeSpan span && destinationType == typeof(string) ? Duration.Format(span) : base.ConvertTo(context, culture, value, destinationType);
}
