namespace Ego.Proto.Breaking.Internal;

internal sealed partial class Comparison
{
    private void CompareServices()
    {
        foreach (var (name, old) in _before.Services)
        {
            if (!_after.Services.TryGetValue(name, out var now))
            {
                Report(old.File, old.Element, BreakingRules.ServiceRemoved, $"service \"{name}\" was removed");
                continue;
            }

            var newRpcs = now.Element.Rpcs.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var scope = now.File.PackageName;
            foreach (var rpc in old.Element.Rpcs)
            {
                var rpcName = $"rpc \"{name}.{rpc.Name}\"";
                if (!newRpcs.TryGetValue(rpc.Name, out var match))
                {
                    Report(old.File, rpc, BreakingRules.RpcRemoved, $"{rpcName} was removed");
                    continue;
                }

                var (oldRequest, newRequest) = (_before.Resolve(rpc.RequestType, old.File.PackageName), _after.Resolve(match.RequestType, scope));
                if (oldRequest != newRequest)
                {
                    Report(now.File, match, BreakingRules.RpcRequestTypeChanged, $"{rpcName} changed request type from \"{oldRequest}\" to \"{newRequest}\"");
                }

                var (oldResponse, newResponse) = (_before.Resolve(rpc.ResponseType, old.File.PackageName), _after.Resolve(match.ResponseType, scope));
                if (oldResponse != newResponse)
                {
                    Report(now.File, match, BreakingRules.RpcResponseTypeChanged, $"{rpcName} changed response type from \"{oldResponse}\" to \"{newResponse}\"");
                }

                if (rpc.RequestStream != match.RequestStream)
                {
                    Report(now.File, match, BreakingRules.RpcClientStreamingChanged,
                        $"{rpcName} changed client streaming from {rpc.RequestStream.ToString().ToLowerInvariant()} to {match.RequestStream.ToString().ToLowerInvariant()}");
                }

                if (rpc.ResponseStream != match.ResponseStream)
                {
                    Report(now.File, match, BreakingRules.RpcServerStreamingChanged,
                        $"{rpcName} changed server streaming from {rpc.ResponseStream.ToString().ToLowerInvariant()} to {match.ResponseStream.ToString().ToLowerInvariant()}");
                }
            }
        }
    }
}
