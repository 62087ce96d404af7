namespace Customers.Silo.Hosting;

public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "customers";
    public string ServiceId { get; set; } = "customers";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one at.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";
}
