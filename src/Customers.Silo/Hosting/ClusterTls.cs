using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Customers.Silo.Hosting;

/// <summary>
/// Mutual TLS on silo-to-silo and gateway connections. Every silo and every co-hosted client
/// presents the same certificate, and a peer is accepted only when it presents that certificate
/// too: a certificate a public CA issued to someone else is no way in.
/// </summary>
public static class ClusterTls
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, TlsSettings settings)
    {
        if (string.IsNullOrEmpty(settings.CertificatePath))
        {
            return silo;
        }

        var certificate = Load(settings);
        return silo.UseTls(certificate, o =>
        {
            o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            o.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            o.RemoteCertificateValidation = (remote, _, _) => IsSame(remote, certificate);
        });
    }

    public static X509Certificate2 Load(TlsSettings settings)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath!, settings.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("Orleans__Tls__CertificatePath must hold the certificate's private key (a .pfx file)");
        }

        return certificate;
    }

    private static bool IsSame(X509Certificate2? remote, X509Certificate2 local) =>
        remote is not null && CryptographicOperations.FixedTimeEquals(remote.RawData, local.RawData);
}
