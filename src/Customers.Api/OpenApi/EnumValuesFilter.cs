using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// The contract's closed value sets, on the string properties that carry them. The records keep
/// plain strings so a wrong value is the contract's 400 naming the field, not a JSON error; the
/// document still tells a client (and its generated enums) which values exist, each set as one
/// named schema (<see cref="NamedEnums"/>).
/// </summary>
public sealed class EnumValuesFilter : ISchemaFilter
{
    // A pattern, not an enum: generated C# clients name lower-case members Es, Ca, … and their JSON
    // converters would send those names instead of the values.
    private const string Languages = "^(es|ca|gl|eu|en|pt)$";

    private static readonly Dictionary<(string Schema, string Property), string> Sets = new()
    {
        [("CreateCustomerRequest", "type")] = NamedEnums.CustomerType,
        [("CreateCustomerRequest", "segment")] = NamedEnums.Segment,
        [("CustomerView", "type")] = NamedEnums.CustomerType,
        [("CustomerView", "segment")] = NamedEnums.Segment,
        [("CustomerView", "status")] = NamedEnums.CustomerStatus,
        [("PersonalInfo", "gender")] = NamedEnums.Gender,
        [("PatchPersonalInfo", "gender")] = NamedEnums.Gender,
        [("IdentityDocument", "type")] = NamedEnums.IdentityDocumentType,
        [("PhoneNumber", "type")] = NamedEnums.PhoneType,
        [("CreateAccountRequest", "modality")] = NamedEnums.NewAccountModality,
        [("AccountView", "modality")] = NamedEnums.Modality,
        [("PaymentMethod", "type")] = NamedEnums.PaymentMethodType,
        [("Invoice", "delivery_mode")] = NamedEnums.DeliveryMode,
        [("PromotionView", "status")] = NamedEnums.PromotionStatus,
        [("PromotionOperationView", "status")] = NamedEnums.PromotionStatus,
        [("PromotionOperationView", "operation")] = NamedEnums.PromotionOperation,
        [("TokenizationRequestView", "status")] = NamedEnums.TokenizationStatus,
        [("TokenizationResult", "status")] = NamedEnums.TokenizationResultStatus,
        [("AssociatedUser", "role")] = NamedEnums.AssociatedUserRole,
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
        foreach (var property in schema.Properties.Keys.ToList())
        {
            if (Sets.TryGetValue((name, property), out var set))
            {
                schema.Properties[property] = NamedEnums.Reference(set, context.SchemaRepository, null);
            }
            else if (Patterns.TryGetValue((name, property), out var pattern) && schema.Properties[property] is OpenApiSchema patterned)
            {
                patterned.Pattern = pattern;
            }
        }
    }
}
