using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Cluster;

/// <summary>Two silos and the sample client talking over mutual TLS with a certificate the test makes.</summary>
[Collection(ProcessCollection.Name)]
public sealed class TlsClusterTests : IDisposable
{
    private const string Password = "tls-test-password";
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"customers-tls-{Guid.NewGuid():N}.pfx");

    public TlsClusterTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=customers-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, Password));
    }

    private Dictionary<string, string> Tls => new()
    {
        ["Orleans__Tls__CertificatePath"] = _certificatePath,
        ["Orleans__Tls__CertificatePassword"] = Password,
    };

    [Fact]
    public async Task Two_silos_over_TLS_serve_a_write_through_one_and_a_change_through_the_other()
    {
        var clusterId = $"tls-{Guid.NewGuid():N}";
        await using var a = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString, Tls);
        await using var b = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString, Tls);

        // Calls for grains activated on the other silo cross the silo-to-silo connection.
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((string)(await (await a.Client.PostJson("/v4/orgs/telco/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created))["id"]!);
        }

        foreach (var id in ids)
        {
            await (await b.Client.PatchJson($"/v4/orgs/telco/customers/{id}", JsonNode.Parse("""{"preferred_language": "eu"}""")!)).AssertStatus(HttpStatusCode.NoContent);
            var read = await (await a.Client.GetAsync($"/v4/orgs/telco/customers/{id}")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("eu", (string?)read["preferred_language"]);
        }
    }

    [Fact]
    public async Task The_sample_client_calls_grains_through_a_TLS_gateway_with_the_certificate()
    {
        var clusterId = $"tls-client-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString, Tls);

        var (exitCode, output) = await RunSampleClient(clusterId, Tls);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}");
        Assert.Contains("created ", output);
    }

    [Fact]
    public async Task The_gateway_ends_a_TLS_connection_that_presents_no_client_certificate()
    {
        var clusterId = $"tls-plain-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString, Tls);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, silo.GatewayPort);
        using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // TLS 1.3 reports a refused client certificate after the handshake, on the first read.
        var refused = false;
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, timeout.Token);
            refused = await tls.ReadAsync(new byte[1], timeout.Token) == 0;
        }
        catch (Exception e) when (e is IOException or AuthenticationException)
        {
            refused = true;
        }

        Assert.True(refused);
    }

    public void Dispose() => File.Delete(_certificatePath);

    private static async Task<(int ExitCode, string Output)> RunSampleClient(string clusterId, Dictionary<string, string> extra)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.Output("samples/Customers.SampleClient", "Customers.SampleClient.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Customers"] = TestDatabase.ConnectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__ServiceId"] = clusterId;
        foreach (var (key, value) in extra)
        {
            start.Environment[key] = value;
        }

        using var client = Process.Start(start)!;
        var output = client.StandardOutput.ReadToEndAsync();
        var errors = client.StandardError.ReadToEndAsync();
        try
        {
            await client.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        }
        catch (OperationCanceledException)
        {
            client.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (client.ExitCode, $"{await output}\n{await errors}");
    }
}
