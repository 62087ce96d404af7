namespace Customers.Grains.Indexing;

/// <summary>One value that must be unique within an org, under its index kind (<see cref="IndexKinds"/>).</summary>
[GenerateSerializer, Immutable]
public readonly record struct UniqueValue([property: Id(0)] string Kind, [property: Id(1)] string Value);
