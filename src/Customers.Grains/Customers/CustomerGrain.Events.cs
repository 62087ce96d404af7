using Customers.Grains.Events;

namespace Customers.Grains.Customers;

public sealed partial class CustomerGrain
{
    /// <summary>Records an event of this customer; it is stored by the next successful write of the state.</summary>
    internal void Record(string type, params string[] changes) =>
        S.Record(type, _org, _id, null, time.GetUtcNow().UtcDateTime, changes);
}

/// <summary>The fields a customer patch changes, as paths from the customer's root.</summary>
internal static class CustomerChanges
{
    public static string[] Of(PatchCustomerRequest request)
    {
        var changes = new List<string>();
        if (request.PreferredLanguage is not null)
        {
            changes.Add("preferred_language");
        }

        if (request.ContactInfo is { } contact)
        {
            if (contact.PhoneNumbers is not null)
            {
                changes.Add("contact_info.phone_numbers");
            }

            if (contact.Emails is not null)
            {
                changes.Add("contact_info.emails");
            }

            if (contact.PostalAddress is not null)
            {
                changes.Add("contact_info.postal_address");
            }
        }

        if (request.PersonalInfo is not null)
        {
            changes.Add("personal_info");
        }

        if (request.CompanyInfo is not null)
        {
            changes.Add("company_info");
        }

        if (request.DigitalPersonalInfo is not null)
        {
            changes.Add("digital_personal_info");
        }

        return [.. changes];
    }
}
