using System.Text.Json.Nodes;

namespace Customers.Tests.Infrastructure;

/// <summary>The page's example bodies as JSON the tests edit one field at a time.</summary>
public static class Bodies
{
    private static readonly char[] NifLetters = "TRWAGMYFPDXBNJZSQVHLCKE".ToCharArray();

    public static string UniqueNif()
    {
        var number = Random.Shared.Next(10_000_000, 99_999_999);
        return $"{number}{NifLetters[number % 23]}";
    }

    public static string UniqueNie()
    {
        var digits = Random.Shared.Next(1_000_000, 9_999_999);
        return $"Y{digits}{NifLetters[(10_000_000 + digits) % 23]}";
    }

    /// <summary>A CIF for a company (digit control) no other test uses.</summary>
    public static string UniqueCif()
    {
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = digits[i] - '0';
            sum += i % 2 == 0 ? (d * 2 / 10) + (d * 2 % 10) : d;
        }

        return $"B{digits}{(10 - (sum % 10)) % 10}";
    }

    public static string UniqueEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public static JsonObject Private(string? nif = null, string documentType = "NIF") => JsonNode.Parse($$"""
        {
          "type": "PRIVATE_CUSTOMER",
          "preferred_language": "es",
          "segment": "CONSUMER",
          "contact_info": {
            "phone_numbers": [{"country_code": "+34", "number": "615667898", "type": "MOBILE", "is_default": true}],
            "emails": [{"email": "email@example.com", "is_default": true}],
            "postal_address": {
              "address_lines": ["Calle Mayor 2, 3º A"],
              "postal_code": "28039",
              "locality": "Fuenlabrada",
              "administrative_area": "Madrid",
              "region_code": "ES"
            }
          },
          "personal_info": {
            "identity_document": {"number": "{{nif ?? UniqueNif()}}", "type": "{{documentType}}"},
            "name": "Antonio",
            "first_surname": "Benavente",
            "second_surname": "Blanco",
            "gender": "MALE",
            "nationality": "ES",
            "birthdate": "1980-01-01"
          }
        }
        """)!.AsObject();

    public static JsonObject Corporate(string segment = "SME", string? document = null, string documentType = "CIF") => JsonNode.Parse($$"""
        {
          "type": "CORPORATE_CUSTOMER",
          "preferred_language": "ca",
          "segment": "{{segment}}",
          "contact_info": {
            "emails": [{"email": "company@example.com"}]
          },
          "company_info": {
            "identity_document": {"number": "{{document ?? UniqueCif()}}", "type": "{{documentType}}"},
            "name": "Telco Partner SL"
          }
        }
        """)!.AsObject();

    public static JsonObject Digital(string? email = null) => JsonNode.Parse($$"""
        {
          "type": "DIGITAL_CUSTOMER",
          "preferred_language": "en",
          "digital_personal_info": {"email": "{{email ?? UniqueEmail()}}", "name": "Ana", "first_surname": "Ruiz"}
        }
        """)!.AsObject();

    public static JsonObject AssociatedUsers(string? nif = null) => JsonNode.Parse($$"""
        {
          "associated_users": [{
            "identity_document": {"number": "{{nif ?? UniqueNif()}}", "type": "NIF"},
            "role": "AUTHORIZED_REPRESENTATIVE",
            "name": "John",
            "first_surname": "Doe",
            "second_surname": "Smith",
            "nationality": "ES"
          }]
        }
        """)!.AsObject();
}
