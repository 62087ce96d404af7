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

        if (request.PersonalInfo is { } personal)
        {
            NameGiven(named, personal.Name, "personal_info.name");
            NameGiven(named, personal.FirstSurname, "personal_info.first_surname");
            NameGiven(named, personal.SecondSurname, "personal_info.second_surname");
            NameGiven(named, personal.Gender, "personal_info.gender");
            NameGiven(named, personal.Nationality, "personal_info.nationality");
            NameGiven(named, personal.Birthdate, "personal_info.birthdate");
        }

        if (request.CompanyInfo is { } company)
        {
            NameGiven(named, company.Name, "company_info.name");
        }

        if (request.DigitalPersonalInfo is { } digital)
        {
            NameGiven(named, digital.Email, "digital_personal_info.email");
            NameGiven(named, digital.Name, "digital_personal_info.name");
            NameGiven(named, digital.FirstSurname, "digital_personal_info.first_surname");
        }

        return [.. named];
    }

    /// <summary>A profile is patched field by field, so its changes are named field by field too.</summary>
    private static void NameGiven(List<string> named, string? value, string path)
    {
        if (value is not null)
        {
            named.Add(path);
        }
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
        // A profile's text fields are shown as stored: no need to build the whole profile for one of them.
        "personal_info.name" => state.PersonalInfo?.Name,
        "personal_info.first_surname" => state.PersonalInfo?.FirstSurname,
        "personal_info.second_surname" => state.PersonalInfo?.SecondSurname,
        "personal_info.gender" => state.PersonalInfo?.Gender,
        "personal_info.nationality" => state.PersonalInfo?.Nationality,
        "personal_info.birthdate" => state.PersonalInfo?.Birthdate,
        "company_info.name" => state.CompanyInfo?.Name,
        AssociatedUsers => state.CompanyInfo?.ToWire().AssociatedUsers,
        "digital_personal_info.email" => state.DigitalPersonalInfo?.Email,
        "digital_personal_info.name" => state.DigitalPersonalInfo?.Name,
        "digital_personal_info.first_surname" => state.DigitalPersonalInfo?.FirstSurname,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a field a customer write changes"),
    });
}
