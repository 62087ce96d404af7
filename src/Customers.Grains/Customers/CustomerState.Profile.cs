using Customers.Grains.Indexing;
using Customers.Grains.Validation;

namespace Customers.Grains.Customers;

/// <summary>The customer's profile: how a patch changes it, how it reads, which of its values are unique.</summary>
public sealed partial class CustomerState
{
    /// <summary>Merges a validated, normalised patch: what it names replaces, what it leaves out stays.</summary>
    public void Apply(PatchCustomerRequest request)
    {
        if (request.PreferredLanguage is not null)
        {
            PreferredLanguage = request.PreferredLanguage;
        }

        if (request.ContactInfo is { } contact)
        {
            ContactInfo ??= new StoredContact();
            if (contact.PhoneNumbers is not null)
            {
                CustomerRules.NormalizeDefaults(contact);
                ContactInfo.PhoneNumbers = StoredPhone.From(contact.PhoneNumbers);
            }

            if (contact.Emails is not null)
            {
                CustomerRules.NormalizeDefaults(contact);
                ContactInfo.Emails = StoredEmail.From(contact.Emails);
            }

            if (contact.PostalAddress is not null)
            {
                ContactInfo.PostalAddress = StoredAddress.From(contact.PostalAddress);
            }
        }

        if (request.PersonalInfo is { } p && PersonalInfo is { } personal)
        {
            personal.Name = p.Name ?? personal.Name;
            personal.FirstSurname = p.FirstSurname ?? personal.FirstSurname;
            personal.SecondSurname = p.SecondSurname ?? personal.SecondSurname;
            personal.Gender = p.Gender ?? personal.Gender;
            personal.Nationality = p.Nationality ?? personal.Nationality;
            personal.Birthdate = p.Birthdate ?? personal.Birthdate;
        }

        if (request.CompanyInfo is { Name: { } companyName } && CompanyInfo is { } company)
        {
            company.Name = companyName;
        }

        if (request.DigitalPersonalInfo is { } d && DigitalPersonalInfo is { } digital)
        {
            digital.Email = d.Email ?? digital.Email;
            digital.Name = d.Name ?? digital.Name;
            digital.FirstSurname = d.FirstSurname ?? digital.FirstSurname;
        }
    }

    /// <summary>
    /// The customer as read, built into new API objects: it shares nothing with the state, so it is
    /// handed out as immutable and crosses the grain call without a copy.
    /// </summary>
    public CustomerView ToView(Guid id) => new()
    {
        Id = id,
        ExternalId = ExternalId,
        Type = Type,
        PreferredLanguage = PreferredLanguage,
        Segment = Segment,
        ContactInfo = ContactInfo?.ToWire(),
        PersonalInfo = PersonalInfo?.ToWire(),
        CompanyInfo = CompanyInfo?.ToWire(),
        DigitalPersonalInfo = DigitalPersonalInfo?.ToWire(),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    /// <summary>Every unique value the customer holds, its external id included.</summary>
    public List<UniqueValue> UniqueValues()
    {
        var values = new List<UniqueValue>(3) { new(IndexKinds.CustomerExternalId, ExternalId) };
        if (DocumentIndexValue is { } document)
        {
            values.Add(new(IndexKinds.Document, document));
        }

        if (LoginEmail is { } email)
        {
            values.Add(new(IndexKinds.LoginEmail, email));
        }

        if (Credential?.IndexedUsername() is { } username && username != LoginEmail)
        {
            values.Add(new(IndexKinds.LoginEmail, username));
        }

        return values;
    }
}
