namespace Ego.Resilience.Server;

/// <summary>Why a call was refused: the access-log <c>event</c> (limited or shed), the metric reason, and the retry hint.</summary>
public readonly record struct Rejection(string Event, string Reason, TimeSpan RetryAfter, string Detail);
