namespace Customers.Api.Accounts;

public sealed record AccountCreatedResponse(Guid Id, string ExternalId);

public sealed record AccountIdResponse(Guid Id);

public sealed record AccountListResponse(IReadOnlyList<AccountIdResponse> Accounts);

public sealed record PaymentMethodHistoryResponse(IReadOnlyList<PaymentMethodHistoryEntry> PaymentMethods);

public sealed record AvailablePaymentMethodsResponse(IReadOnlyList<string> PaymentMethods);
