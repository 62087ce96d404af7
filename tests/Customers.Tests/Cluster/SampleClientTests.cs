using System.Diagnostics;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Cluster;

[Collection(ProcessCollection.Name)]
public class SampleClientTests
{
    [Fact]
    public async Task The_sample_client_calls_grains_directly_through_the_gateway_and_follows_their_events_on_the_stream()
    {
        var clusterId = $"client-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);

        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.Output("samples/Customers.SampleClient", "Customers.SampleClient.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Customers"] = TestDatabase.ConnectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__ServiceId"] = clusterId;
        using var client = Process.Start(start)!;
        var output = client.StandardOutput.ReadToEndAsync();
        var errors = client.StandardError.ReadToEndAsync();
        await client.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        Assert.True(client.ExitCode == 0, $"exit {client.ExitCode}\n{await output}\n{await errors}");
        var text = await output;
        Assert.Contains("created ", text);
        Assert.Matches(@"account [0-9a-f-]{36} contract MMC\d{13} payment BANK_TRANSFER", text);
        Assert.Contains("invalid NIF refused: Invalid personal_info.identity_document.number", text);
        Assert.Matches(@"event \d+ customer\.created by co-hosted:sample-client customer [0-9a-f-]{36}", text);
        Assert.Matches(@"event \d+ account\.created by co-hosted:sample-client", text);
        Assert.Contains("own events received on the stream", text);
    }
}
