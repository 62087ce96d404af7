namespace Customers.Api.Http;

/// <summary>The page's error body: <c>{"errors":[{"error":{code,title,ref,message}}]}</c>.</summary>
public sealed record ErrorEnvelope(IReadOnlyList<ErrorEntry> Errors);

public sealed record ErrorEntry(ErrorDetail Error);

public sealed record ErrorDetail(string Code, string Title, string Ref, string Message);
