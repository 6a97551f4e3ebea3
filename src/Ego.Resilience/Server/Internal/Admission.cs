using System.Threading.RateLimiting;

namespace Ego.Resilience.Server.Internal;

/// <summary>What an admitted call holds until it ends: a concurrency slot, a shedder entry, a limiter lease.</summary>
internal readonly record struct Admission(bool Gated, bool Shedding, long ShedStart, RateLimitLease? Lease);
