using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customers.Grains;

/// <summary>
/// One string per distinct code (a customer type, a country, a language, a catalogue value, an org)
/// for every grain of the silo. Reading a row otherwise allocates each code again for each customer,
/// some 500 bytes per active customer. Only codes come here, never personal data: what an erasure
/// removes must not outlive it in a pool. Bounded, so unexpected input cannot grow it for ever.
/// </summary>
public static class SharedCodes
{
    public const int MaxLength = 64;
    public const int MaxEntries = 10_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock of the table: the size is counted on the side.
    private static int _count;

    public static string Of(ReadOnlySpan<char> value)
    {
        if (Lookup.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var created = new string(value);
        if (value.Length > MaxLength || Volatile.Read(ref _count) >= MaxEntries)
        {
            return created;
        }

        if (Pool.TryAdd(created, created))
        {
            Interlocked.Increment(ref _count);
            return created;
        }

        return Pool.TryGetValue(created, out shared) ? shared : created;
    }

    public static string Of(string value) => Of(value.AsSpan());
}

/// <summary>Reads a stored code as the silo's one instance of it (<see cref="SharedCodes"/>); writes it as any string.</summary>
public sealed class SharedCode : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a string, found {reader.TokenType}");
        }

        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (bytes > SharedCodes.MaxLength)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[SharedCodes.MaxLength];
        var length = reader.CopyString(chars);
        return SharedCodes.Of(chars[..length]);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
