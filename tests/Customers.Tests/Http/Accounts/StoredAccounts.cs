using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http.Accounts;

/// <summary>Reads an account's grain state as PostgreSQL holds it, to see what was written without asking the service.</summary>
public static class StoredAccounts
{
    public static async Task<string?> Read(string serviceId, string accountId, string org = "telco")
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE serviceid = @service AND graintypestring = 'account' AND grainidextensionstring = @key");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("key", $"{org}/{accountId}");
        return await command.ExecuteScalarAsync() as string;
    }
}
