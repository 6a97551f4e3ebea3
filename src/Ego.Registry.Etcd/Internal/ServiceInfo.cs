using System.Text.Json;
using System.Text.Json.Serialization;
using Ego.Discovery;

namespace Ego.Registry.Etcd.Internal;

/// <summary>The JSON value of a registration key, with the field names of EGO's <c>server.ServiceInfo</c>.</summary>
internal sealed class ServiceInfo
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string Name { get; set; } = "";

    public string Scheme { get; set; } = "";

    public string Address { get; set; } = "";

    public double Weight { get; set; } = 100;

    public bool Enable { get; set; } = true;

    public bool Healthy { get; set; } = true;

    public Dictionary<string, string> Metadata { get; set; } = [];

    public string Region { get; set; } = "";

    public string Zone { get; set; } = "";

    /// <summary>EGO's <c>constant.ServiceProvider</c>.</summary>
    public int Kind { get; set; } = 1;

    public string Group { get; set; } = "";

    public static ServiceInfo From(ServiceRegistration registration)
    {
        var attributes = registration.Endpoint.Attributes;
        var info = new ServiceInfo
        {
            Name = registration.AppName,
            Scheme = registration.Kind,
            Address = registration.Endpoint.Address,
            Region = attributes.GetValueOrDefault("region", ""),
            Zone = attributes.GetValueOrDefault("zone", ""),
            Metadata = new Dictionary<string, string>(attributes.Where(a => a.Key is not ("region" or "zone" or "weight")))
            {
                ["serverName"] = registration.ServerName,
            },
        };
        if (attributes.TryGetValue("weight", out var weight) && double.TryParse(weight, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            info.Weight = value;
        }

        return info;
    }

    /// <summary>Reads a value written by this registry or by EGO; null when it is not such JSON.</summary>
    public static ServiceInfo? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ServiceInfo>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The attributes clients see: the metadata plus weight, region and zone.</summary>
    public Dictionary<string, string> Attributes()
    {
        var attributes = new Dictionary<string, string>(Metadata ?? [])
        {
            ["weight"] = Weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(Region))
        {
            attributes["region"] = Region;
        }

        if (!string.IsNullOrEmpty(Zone))
        {
            attributes["zone"] = Zone;
        }

        return attributes;
    }
}
