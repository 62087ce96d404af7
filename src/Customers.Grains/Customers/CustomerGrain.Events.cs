using System.Text.Json;
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
    /// <summary>What replacing the representative changes; no patch names it.</summary>
    public const string AssociatedUsers = "company_info.associated_users";

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

    /// <summary>The named fields as a read shows them, to compare before and after the patch.</summary>
    public static byte[][] Shown(CustomerState state, string[] named) => [.. named.Select(path => Shown(state, path))];

    /// <summary>
    /// Of the named fields, those a read shows differently after the patch: a field sent with the
    /// value it already has is no change, and records none (§13).
    /// </summary>
    public static string[] Between(string[] named, byte[][] before, byte[][] after) =>
        [.. named.Where((_, i) => !before[i].AsSpan().SequenceEqual(after[i]))];

    private static byte[] Shown(CustomerState state, string path) => JsonSerializer.SerializeToUtf8Bytes<object?>(path switch
    {
        "preferred_language" => state.PreferredLanguage,
        "contact_info.phone_numbers" => state.ContactInfo?.ToWire().PhoneNumbers,
        "contact_info.emails" => state.ContactInfo?.ToWire().Emails,
        "contact_info.postal_address" => state.ContactInfo?.ToWire().PostalAddress,
        "personal_info" => state.PersonalInfo?.ToWire(),
        "company_info" => state.CompanyInfo?.ToWire(),
        AssociatedUsers => state.CompanyInfo?.ToWire().AssociatedUsers,
        "digital_personal_info" => state.DigitalPersonalInfo?.ToWire(),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a field a customer write changes"),
    });
}
