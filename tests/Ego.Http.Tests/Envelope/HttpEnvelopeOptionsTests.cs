using Ego.Components;
using Ego.Http.Envelope;

namespace Ego.Http.Tests.Envelope;

public sealed class HttpEnvelopeOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var errors = new List<ComponentOptionError>();

        new HttpEnvelopeOptions().Validate(errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EmptyFieldAndNameOfErrorDetails_ReportsBoth()
    {
        var errors = new List<ComponentOptionError>();

        new HttpEnvelopeOptions { MessageField = "", DataField = "reason" }.Validate(errors);

        Assert.Equal(
            ["messageField: is empty: expected a JSON field name such as 'code'", "dataField: field name 'reason' is used by dataField and errorDetails: expected distinct field names"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_ReasonAsDataFieldWithoutErrorDetails_IsFine()
    {
        var errors = new List<ComponentOptionError>();

        new HttpEnvelopeOptions { DataField = "reason", ErrorDetails = false }.Validate(errors);

        Assert.Empty(errors);
    }
}
