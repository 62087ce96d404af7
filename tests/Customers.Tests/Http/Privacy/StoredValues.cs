using System.Text;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http.Privacy;

/// <summary>
/// Searches everything the service stored, from outside its code: every row of every table of the
/// schema as JSON text (bytea as hex), for values as text, as the hex of their UTF-8 bytes, and for
/// raw bytes as hex and as base64 at each alignment.
/// </summary>
public static class StoredValues
{
    /// <summary>The needles of <paramref name="values"/> found, each as "table: name".</summary>
    public static async Task<List<string>> Find(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, byte[]>? bytes = null)
    {
        var needles = new List<(string Name, string Needle)>();
        foreach (var (name, value) in values)
        {
            needles.Add((name, value.ToLowerInvariant()));
            needles.Add((name, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value))));
        }

        foreach (var (name, content) in bytes ?? new Dictionary<string, byte[]>())
        {
            // A stretch from the middle: long enough to be unique, found whatever encoding stored it.
            var chunk = content.AsSpan(content.Length / 2, 48);
            needles.Add((name, Convert.ToHexStringLower(chunk)));
            for (var offset = 0; offset < 3; offset++)
            {
                needles.Add((name, Convert.ToBase64String(chunk[offset..(offset + 45)]).ToLowerInvariant()));
            }
        }

        var found = new List<string>();
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        foreach (var table in await Tables(data))
        {
            await using var command = data.CreateCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0).ToLowerInvariant();
                found.AddRange(needles.Where(n => row.Contains(n.Needle, StringComparison.Ordinal)).Select(n => $"{table}: {n.Name}"));
            }
        }

        return found.Distinct().ToList();
    }

    /// <summary>
    /// Waits for an erasure to finish: its reminder is removed after the tombstone is written, and the
    /// identity provider's reminder once the provider confirmed a retired credential removed.
    /// </summary>
    public static async Task ErasureCompleted(string customerId)
    {
        var underWay = await Eventually.Until(() => ErasureUnderWay(customerId), u => !u, TimeSpan.FromSeconds(60));
        Assert.False(underWay, "the erasure did not complete");
    }

    /// <summary>The names of the reminders stored for grains whose key ends with one of <paramref name="ids"/>.</summary>
    public static async Task<List<string>> Reminders(IEnumerable<string> ids)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "SELECT grainid || ' ' || remindername FROM orleansreminders WHERE split_part(grainid, '/', 3) = ANY($1)");
        command.Parameters.AddWithValue(ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>Whether the grain still has its erasure reminder or waits for the identity provider.</summary>
    private static async Task<bool> ErasureUnderWay(string customerId)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "SELECT count(*) FROM orleansreminders WHERE remindername IN ('customer-erasure', 'credential-provider-sync') AND grainid LIKE '%' || $1");
        command.Parameters.AddWithValue(customerId);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task<List<string>> Tables(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
