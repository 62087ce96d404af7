using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// The contract's closed value sets, each one named schema in the document: a value set that a
/// request, a view and a query share is then one type in a generated client, named as the
/// contract names it, rather than one copy per property named after the property.
/// </summary>
public static class NamedEnums
{
    public const string CustomerType = "CustomerType";
    public const string Segment = "CustomerSegment";
    public const string Gender = "Gender";
    public const string IdentityDocumentType = "IdentityDocumentType";
    public const string PhoneType = "PhoneNumberType";
    public const string PaymentMethodType = "PaymentMethodType";
    public const string DeliveryMode = "InvoiceDeliveryMode";
    public const string Modality = "AccountModality";
    public const string NewAccountModality = "NewAccountModality";
    public const string PromotionStatus = "PromotionStatus";
    public const string PromotionOperation = "PromotionOperationKind";
    public const string PromotionListType = "PromotionListType";
    public const string TokenizationStatus = "TokenizationStatus";
    public const string TokenizationResultStatus = "TokenizationResultStatus";
    public const string CustomerStatus = "CustomerStatus";
    public const string AssociatedUserRole = "AssociatedUserRole";

    private static readonly Dictionary<string, string[]> Values = new Dictionary<string, string[]>
    {
        [CustomerType] = ["PRIVATE_CUSTOMER", "CORPORATE_CUSTOMER", "DIGITAL_CUSTOMER"],
        [Segment] = ["CONSUMER", "SELF_EMPLOYEE", "SME"],
        [Gender] = ["MALE", "FEMALE", "OTHER"],
        [IdentityDocumentType] = ["NIF", "NIE", "CIF", "PASSPORT"],
        [PhoneType] = ["MOBILE", "LANDLINE"],
        [PaymentMethodType] = ["BANK_TRANSFER", "DIRECT_DEBIT", "CREDIT_CARD", "TECI"],
        [DeliveryMode] = ["EMAIL", "POSTAL"],
        [Modality] = ["PREPAID", "RECURRING_PREPAID", "POSTPAID"],
        [NewAccountModality] = ["RECURRING_PREPAID", "POSTPAID"],
        [PromotionStatus] = ["PENDING", "ACTIVE", "EXPIRED", "CANCELLED"],
        [PromotionOperation] = ["INSERT", "UPDATE", "DELETE"],
        [PromotionListType] = ["ACTIVATED", "ACTIVE", "SCHEDULED", "ALL"],
        [TokenizationStatus] = ["PENDING", "COMPLETED", "FAILED", "EXPIRED"],
        [TokenizationResultStatus] = ["COMPLETED", "FAILED"],
        [CustomerStatus] = ["ACTIVE"],
        [AssociatedUserRole] = ["AUTHORIZED_REPRESENTATIVE"],
    };

    /// <summary>A reference to the named value set, its schema added to the document's components on first use.</summary>
    public static IOpenApiSchema Reference(string name, SchemaRepository schemas, OpenApiDocument? document)
    {
        if (!schemas.Schemas.ContainsKey(name))
        {
            schemas.AddDefinition(name, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Values[name].Select(v => (JsonNode)JsonValue.Create(v))],
            });
        }

        return new OpenApiSchemaReference(name, document);
    }
}
