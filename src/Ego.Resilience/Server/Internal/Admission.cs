using System.Threading.RateLimiting;
using Ego.Resilience.LoadShedding;

namespace Ego.Resilience.Server.Internal;

/// <summary>
/// What an admitted call holds until it ends: a concurrency slot, a shedder entry, a limiter lease; or, admitted on
/// standby under overload, the place it holds until <see cref="ServerGovernance.SettleAsync"/>.
/// </summary>
internal readonly record struct Admission(bool Gated, bool Shedding, long ShedStart, RateLimitLease? Lease, AdaptiveShedder.Standby? Standby);
