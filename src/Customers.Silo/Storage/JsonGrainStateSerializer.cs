using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Customers.Grains;
using Customers.Grains.Events;
using Orleans.Storage;

namespace Customers.Silo.Storage;

/// <summary>
/// Grain state as plain snake_case JSON without .NET type names: rows survive class renames,
/// and properties added later read as their defaults from old rows.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
        Converters = { new ExactLists() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoreOnlySettable, WriteOnlyOutbox } },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;

    /// <summary>
    /// A property without a setter (<c>exists</c>, <c>is_live</c>, <c>document_index_value</c>, …) is
    /// worked out from the others whenever it is read: storing it only makes every row longer, and
    /// repeats personal data the row already holds. Rows that carry such properties still read.
    /// </summary>
    private static void StoreOnlySettable(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var constructorParameters = type.Type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AttributeProvider is PropertyInfo clr && !constructorParameters.Contains(clr.Name))
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// The outbox is written for the storage function, which moves its events into the event log in
    /// the same commit; read back it would only be thrown away, so reading a row skips it.
    /// </summary>
    private static void WriteOnlyOutbox(JsonTypeInfo type)
    {
        if (!typeof(IHasOutbox).IsAssignableFrom(type.Type))
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider is PropertyInfo { Name: nameof(IHasOutbox.Outbox) })
            {
                property.Set = null;
            }
        }
    }
}
