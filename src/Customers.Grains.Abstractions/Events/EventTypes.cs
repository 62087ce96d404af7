using System.Reflection;

namespace Customers;

/// <summary>The event types of the log.</summary>
public static class EventTypes
{
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string CustomerDeleted = "customer.deleted";
    public const string CustomerErased = "customer.erased";
    public const string AccountCreated = "account.created";
    public const string AccountClosed = "account.closed";
    public const string BillingAddressChanged = "account.billing_address.changed";
    public const string PaymentMethodChanged = "account.payment_method.changed";
    public const string TokenizationRequested = "account.tokenization.requested";
    public const string TokenizationCompleted = "account.tokenization.completed";
    public const string TokenizationFailed = "account.tokenization.failed";
    public const string TokenizationExpired = "account.tokenization.expired";
    public const string ContractRequested = "account.contract.requested";
    public const string PromotionCreated = "promotion.created";
    public const string PromotionActivated = "promotion.activated";
    public const string PromotionExpired = "promotion.expired";
    public const string PromotionCancelled = "promotion.cancelled";
    public const string CustomerCategorySet = "customer.category.set";
    public const string CustomerCategoryRemoved = "customer.category.removed";
    public const string SpecialTreatmentSet = "customer.special_treatment.set";
    public const string SpecialTreatmentRemoved = "customer.special_treatment.removed";
    public const string CredentialCreated = "credential.created";
    public const string CredentialActivated = "credential.activated";
    public const string CredentialUsernameChanged = "credential.username_changed";
    public const string CredentialExpirationChanged = "credential.expiration_changed";
    public const string CredentialDeleted = "credential.deleted";
    public const string IdentificationUploaded = "identification.uploaded";
    public const string CatalogueCategoryCreated = "catalogue.category.created";
    public const string CatalogueCategoryUpdated = "catalogue.category.updated";
    public const string CatalogueCategoryDeleted = "catalogue.category.deleted";
    public const string CatalogueSpecialTreatmentUpdated = "catalogue.special_treatment.updated";

    /// <summary>Every type the log records.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(EventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The types a filter of type prefixes selects: those starting with one of them, as written.</summary>
    public static IReadOnlyList<string> StartingWith(IReadOnlyList<string> prefixes) =>
        All.Where(type => prefixes.Any(prefix => type.StartsWith(prefix, StringComparison.Ordinal))).ToArray();
}
