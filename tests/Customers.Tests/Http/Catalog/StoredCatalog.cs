using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http.Catalog;

/// <summary>An org's catalogue and holder-bucket rows as PostgreSQL holds them.</summary>
public static class StoredCatalog
{
    /// <summary>The catalogue row's payload, or null when there is none.</summary>
    public static async Task<string?> Catalogue(string serviceId, string org)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE serviceid = @service AND graintypestring = 'catalog' AND grainidextensionstring = @key");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("key", $"{org}/catalog");
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Bucket key → payload, for the buckets of one scope that hold anything.</summary>
    public static async Task<Dictionary<string, string>> Buckets(string serviceId, string org, string scope)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "SELECT grainidextensionstring, convert_from(payloadbinary, 'UTF8') FROM orleansstorage " +
            "WHERE serviceid = @service AND graintypestring = 'holders' AND grainidextensionstring LIKE @prefix AND payloadbinary IS NOT NULL");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("prefix", $"{org}/holders/{scope}/%");
        var buckets = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            buckets[reader.GetString(0)] = reader.GetString(1);
        }

        return buckets;
    }

    /// <summary>How many bucket rows of one scope exist, empty ones included.</summary>
    public static async Task<long> BucketRows(string serviceId, string org, string scope)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "SELECT count(*) FROM orleansstorage WHERE serviceid = @service AND graintypestring = 'holders' AND grainidextensionstring LIKE @prefix");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("prefix", $"{org}/holders/{scope}/%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

}
