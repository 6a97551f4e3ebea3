namespace Ego.Observability;

/// <summary>
/// The access-log keys every server and client section shares (EGO's names), from which
/// <see cref="AccessLogSettings.Create"/> makes a component's settings.
/// </summary>
public interface IAccessLogOptions
{
    /// <summary>Writes an access line for every call; errors and slow calls are written regardless.</summary>
    bool EnableAccessInterceptor { get; }

    /// <summary>Adds the request as <c>req</c> to access lines.</summary>
    bool EnableAccessInterceptorReq { get; }

    /// <summary>Adds the response as <c>res</c> to access lines.</summary>
    bool EnableAccessInterceptorRes { get; }

    /// <summary>Characters of <c>req</c> kept.</summary>
    int AccessInterceptorReqMaxLength { get; }

    /// <summary>Characters of <c>res</c> kept.</summary>
    int AccessInterceptorResMaxLength { get; }

    /// <summary>Calls longer than this are logged as <c>slow</c>; zero turns it off.</summary>
    TimeSpan SlowLogThreshold { get; }
}
