using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// <summary>The fields the patch names, whether or not their values differ.</summary>
    public static string[] Named(PatchCustomerRequest request)
    {
        var named = new List<string>();
        if (request.PreferredLanguage is not null)
        {
            named.Add("preferred_language");
        }

        if (request.ContactInfo is { } contact)
        {
            if (contact.PhoneNumbers is not null)
            {
                named.Add("contact_info.phone_numbers");
            }

            if (contact.Emails is not null)
            {
                named.Add("contact_info.emails");
            }

            if (contact.PostalAddress is not null)
            {
                named.Add("contact_info.postal_address");
            }
        }

        if (request.PersonalInfo is not null)
        {
            named.Add("personal_info");
        }

        if (request.CompanyInfo is not null)
        {
            named.Add("company_info");
        }

        if (request.DigitalPersonalInfo is not null)
        {
            named.Add("digital_personal_info");
        }

        return [.. named];
    }

    /// <summary>
    /// Of the named fields, those a read shows differently after the patch: a field sent with the
    /// value it already has is no change, and records none (§13).
    /// </summary>
    public static string[] Between(string[] named, CustomerView before, CustomerView after) =>
        [.. named.Where(path => !JsonNode.DeepEquals(Section(before, path), Section(after, path)))];

    private static JsonNode? Section(CustomerView view, string path) => JsonSerializer.SerializeToNode<object?>(path switch
    {
        "preferred_language" => view.PreferredLanguage,
        "contact_info.phone_numbers" => view.ContactInfo?.PhoneNumbers,
        "contact_info.emails" => view.ContactInfo?.Emails,
        "contact_info.postal_address" => view.ContactInfo?.PostalAddress,
        "personal_info" => view.PersonalInfo,
        "company_info" => view.CompanyInfo,
        "digital_personal_info" => view.DigitalPersonalInfo,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a field a customer patch changes"),
    });
}
