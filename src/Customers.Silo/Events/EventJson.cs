using System.Globalization;
using System.Text.Json;

namespace Customers.Silo.Events;

/// <summary>An event as a webhook body: the feed's shape, every field present.</summary>
public static class EventJson
{
    public static byte[] Serialize(CustomerEvent e)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteNumber("position", e.Position);
            w.WriteString("type", e.Type);
            w.WriteString("org_id", e.OrgId);
            WriteId(w, "customer_id", e.CustomerId);
            WriteId(w, "account_id", e.AccountId);
            w.WriteString("occurred_at", e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("actor", e.Actor);
            w.WriteStartArray("changes");
            foreach (var change in e.Changes)
            {
                w.WriteStringValue(change);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteId(Utf8JsonWriter w, string name, Guid? id)
    {
        if (id is { } value)
        {
            w.WriteString(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
