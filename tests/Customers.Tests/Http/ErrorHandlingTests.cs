using System.Text.Json.Nodes;
using Customers.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Runtime;

namespace Customers.Tests.Http;

/// <summary>The exception-to-envelope mapping for failures a test cannot provoke through a healthy service.</summary>
public class ErrorHandlingTests
{
    [Fact]
    public async Task An_unexpected_exception_is_500_MCUS_999_999_without_a_stack_trace()
    {
        var (status, body) = await Handle(new InvalidOperationException("secret internals"));

        Assert.Equal(500, status);
        Assert.Equal("MCUS.999.999", (string?)body["errors"]![0]!["error"]!["code"]);
        Assert.DoesNotContain("secret internals", body.ToJsonString());
        Assert.DoesNotContain("InvalidOperationException", body.ToJsonString());
    }

    [Fact]
    public async Task A_statement_timeout_is_504_MCUS_001_009()
    {
        var timeout = new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014");

        var (status, body) = await Handle(new Exception("storage failed", timeout));

        Assert.Equal(504, status);
        Assert.Equal("MCUS.001.009", (string?)body["errors"]![0]!["error"]!["code"]);
    }

    [Fact]
    public async Task A_lost_connection_is_503_MCUS_001_005()
    {
        var (status, body) = await Handle(new AggregateException(new NpgsqlException("Exception while reading from stream")));

        Assert.Equal(503, status);
        Assert.Equal("MCUS.001.005", (string?)body["errors"]![0]!["error"]!["code"]);
    }

    [Fact]
    public async Task A_call_to_a_lost_cluster_member_is_503_MCUS_001_005()
    {
        var (status, body) = await Handle(new SiloUnavailableException("silo S127.0.0.1:11111 is dead"));

        Assert.Equal(503, status);
        Assert.Equal("MCUS.001.005", (string?)body["errors"]![0]!["error"]!["code"]);
        Assert.DoesNotContain("127.0.0.1", body.ToJsonString());
    }

    private static async Task<(int Status, JsonNode Body)> Handle(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions)).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        Assert.True(await new ErrorHandling(NullLogger<ErrorHandling>.Instance).TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonNode.ParseAsync(context.Response.Body))!);
    }
}
