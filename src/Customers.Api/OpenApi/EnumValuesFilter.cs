using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// The contract's closed value sets, on the string properties that carry them. The records keep
/// plain strings so a wrong value is the contract's 400 naming the field, not a JSON error; the
/// document still tells a client (and its generated enums) which values exist.
/// </summary>
public sealed class EnumValuesFilter : ISchemaFilter
{
    private static readonly string[] CustomerTypes = ["PRIVATE_CUSTOMER", "CORPORATE_CUSTOMER", "DIGITAL_CUSTOMER"];

    // A pattern, not an enum: generated C# clients name lower-case members Es, Ca, … and their JSON
    // converters would send those names instead of the values.
    private const string Languages = "^(es|ca|gl|eu|en|pt)$";
    private static readonly string[] Segments = ["CONSUMER", "SELF_EMPLOYEE", "SME"];
    private static readonly string[] Genders = ["MALE", "FEMALE", "OTHER"];
    private static readonly string[] PromotionStatuses = ["PENDING", "ACTIVE", "EXPIRED", "CANCELLED"];

    private static readonly Dictionary<(string Schema, string Property), string[]> Values = new()
    {
        [("CreateCustomerRequest", "type")] = CustomerTypes,
        [("CreateCustomerRequest", "segment")] = Segments,
        [("CustomerView", "type")] = CustomerTypes,
        [("CustomerView", "segment")] = Segments,
        [("CustomerView", "status")] = ["ACTIVE"],
        [("PersonalInfo", "gender")] = Genders,
        [("PatchPersonalInfo", "gender")] = Genders,
        [("IdentityDocument", "type")] = ["NIF", "NIE", "CIF", "PASSPORT"],
        [("PhoneNumber", "type")] = ["MOBILE", "LANDLINE"],
        [("CreateAccountRequest", "modality")] = ["RECURRING_PREPAID", "POSTPAID"],
        [("AccountView", "modality")] = ["PREPAID", "RECURRING_PREPAID", "POSTPAID"],
        [("PaymentMethod", "type")] = ["BANK_TRANSFER", "DIRECT_DEBIT", "CREDIT_CARD", "TECI"],
        [("Invoice", "delivery_mode")] = ["EMAIL", "POSTAL"],
        [("PromotionView", "status")] = PromotionStatuses,
        [("PromotionOperationView", "status")] = PromotionStatuses,
        [("PromotionOperationView", "operation")] = ["INSERT", "UPDATE", "DELETE"],
        [("TokenizationRequestView", "status")] = ["PENDING", "COMPLETED", "FAILED", "EXPIRED"],
        [("TokenizationResult", "status")] = ["COMPLETED", "FAILED"],
        [("AssociatedUser", "role")] = ["AUTHORIZED_REPRESENTATIVE"],
    };

    private static readonly Dictionary<(string Schema, string Property), string> Patterns = new()
    {
        [("CreateCustomerRequest", "preferred_language")] = Languages,
        [("CustomerView", "preferred_language")] = Languages,
        [("PatchCustomerRequest", "preferred_language")] = Languages,
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema.Properties is null)
        {
            return;
        }

        var name = SchemaIds.For(context.Type);
        foreach (var (property, propertySchema) in schema.Properties)
        {
            if (Values.TryGetValue((name, property), out var values) && propertySchema is OpenApiSchema target)
            {
                target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }

            if (Patterns.TryGetValue((name, property), out var pattern) && propertySchema is OpenApiSchema patterned)
            {
                patterned.Pattern = pattern;
            }
        }
    }
}
