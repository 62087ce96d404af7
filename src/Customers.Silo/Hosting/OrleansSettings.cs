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

    /// <summary>
    /// Grain addresses the silo keeps at hand (Orleans' directory cache), every local activation
    /// among them. The cache's tables are allocated whole for this size: at Orleans' default of
    /// 1,000,000 they held 18.6 MB on every silo, idle or not. The default covers the 100,000
    /// customers with their accounts and index entries a silo is sized for; past it the least
    /// recently used addresses are looked up in the directory again when next called.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 262_144;

    /// <summary>The cache's hot, warm and cold parts hold one address each at least.</summary>
    public const int MinimumDirectoryCacheSize = 3;

    /// <summary>TLS with client certificates on the silo and gateway ports; unset: plain TCP for a private network.</summary>
    public TlsSettings Tls { get; set; } = new();
}

public sealed class TlsSettings
{
    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key; every silo and co-hosted client uses the same one.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
