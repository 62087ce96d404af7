namespace Customers;

/// <summary>One violated rule, named by the JSON path of the field that broke it (<c>contact_info.emails[0].email</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message);
