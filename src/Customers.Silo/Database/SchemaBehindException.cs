namespace Customers.Silo.Database;

/// <summary>
/// The silo was told not to apply the schema (<c>Database__ApplySchema=false</c>) and the database
/// lacks some of its migrations. The message is one line for the operator, naming the setting.
/// </summary>
public sealed class SchemaBehindException(IReadOnlyList<SchemaMigrator.Migration> missing) : Exception(
    $"Database__ApplySchema is false and the database lacks {missing.Count} of this silo's schema migrations " +
    $"({string.Join(", ", missing.Select(m => $"{m.Version:D3}_{m.Name}"))}): apply them, or start one silo with Database__ApplySchema=true.");
