using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

/// <summary>Validation reads the request; only the normalising step changes anything, and on its own copy.</summary>
public class NormalizationTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static CreateCustomerRequest Corporate() => new()
    {
        Type = CustomerTypes.Corporate,
        PreferredLanguage = "es",
        Segment = "SME",
        ContactInfo = new ContactInfo
        {
            PhoneNumbers = [new PhoneNumber { CountryCode = "+34", Number = "612345678", Type = "MOBILE" }],
            Emails = [new EmailAddress { Email = "Cafe\u0301@example.com" }],
        },
        CompanyInfo = new CompanyInfo
        {
            IdentityDocument = new IdentityDocument { Type = "CIF", Number = " b12345674 " },
            Name = "  Acme  ",
            AssociatedUsers = [new AssociatedUser
            {
                IdentityDocument = new IdentityDocument { Type = "NIF", Number = "12345678z" },
                Name = " Ana ",
                FirstSurname = " Ruiz ",
                Nationality = "ES",
            }],
        },
    };

    [Fact]
    public void Validating_a_request_leaves_it_as_it_was()
    {
        var request = Corporate();

        CustomerRules.ValidateCreate(request, Today);

        Assert.Equal("  Acme  ", request.CompanyInfo!.Name);
        Assert.Equal(" b12345674 ", request.CompanyInfo.IdentityDocument!.Number);
        Assert.Null(request.CompanyInfo.AssociatedUsers![0].Role);
        Assert.Equal("Cafe\u0301@example.com", request.ContactInfo!.Emails![0].Email);
        Assert.Null(request.ContactInfo.PhoneNumbers![0].IsDefault);
    }

    [Fact]
    public void Normalizing_returns_a_copy_in_normal_form_and_leaves_the_request_as_it_was()
    {
        var request = Corporate();

        var normal = CustomerRules.Normalize(request);

        Assert.False(CustomerRules.ValidateCreate(normal, Today).Any);
        Assert.Equal("Acme", normal.CompanyInfo!.Name);
        Assert.Equal("B12345674", normal.CompanyInfo.IdentityDocument!.Number);
        Assert.Equal("AUTHORIZED_REPRESENTATIVE", normal.CompanyInfo.AssociatedUsers![0].Role);
        Assert.Equal("ES", normal.CompanyInfo.AssociatedUsers[0].Nationality);
        Assert.Equal("+34", normal.ContactInfo!.PhoneNumbers![0].CountryCode);
        Assert.True(normal.ContactInfo.PhoneNumbers[0].IsDefault);
        Assert.Equal("Caf\u00e9@example.com", normal.ContactInfo.Emails![0].Email);
        Assert.Equal("  Acme  ", request.CompanyInfo!.Name);
        Assert.Equal(" b12345674 ", request.CompanyInfo.IdentityDocument!.Number);
        Assert.Null(request.CompanyInfo.AssociatedUsers![0].Role);
        Assert.Null(request.ContactInfo!.PhoneNumbers![0].IsDefault);
        Assert.Equal("Cafe\u0301@example.com", request.ContactInfo.Emails![0].Email);
    }
}
