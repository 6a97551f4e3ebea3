namespace Ego.Logging.Internal;

/// <summary>How the <c>ts</c> field is written, as EGO's <c>EGO_LOG_TIME_TYPE</c>.</summary>
internal enum TimeType
{
    Second,
    Millisecond,
    FractionalSecond,
    DateTime,
}
