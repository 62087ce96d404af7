namespace Customers.Grains.Validation;

/// <summary>
/// The normal form of customer requests: what <see cref="CustomerRules"/> checks and the grain stores.
/// Each returns a copy and leaves its argument as it was.
/// </summary>
public static partial class CustomerRules
{
    /// <summary>Trimmed texts, normal documents and e-mails, and the default contact items marked.</summary>
    public static CreateCustomerRequest Normalize(CreateCustomerRequest request)
    {
        var normal = Copy.Of(request);
        normal.ContactInfo = SharedRules.Normalize(request.ContactInfo);
        NormalizeDefaults(normal.ContactInfo);
        switch (request.Type)
        {
            case CustomerTypes.Private:
                normal.PersonalInfo = Normalize(request.PersonalInfo);
                break;
            case CustomerTypes.Corporate:
                normal.CompanyInfo = Normalize(request.CompanyInfo);
                break;
            case CustomerTypes.Digital:
                normal.DigitalPersonalInfo = Normalize(request.DigitalPersonalInfo);
                break;
        }

        return normal;
    }

    /// <summary>
    /// Trimmed texts and normal e-mails. The default contact items are marked when the patch is merged,
    /// on the lists it replaces.
    /// </summary>
    public static PatchCustomerRequest Normalize(PatchCustomerRequest request)
    {
        var normal = Copy.Of(request);
        normal.ContactInfo = SharedRules.Normalize(request.ContactInfo);
        if (request.PersonalInfo is { } personal)
        {
            normal.PersonalInfo = Copy.Of(personal);
            normal.PersonalInfo.Name = personal.Name?.Trim();
            normal.PersonalInfo.FirstSurname = personal.FirstSurname?.Trim();
            normal.PersonalInfo.SecondSurname = personal.SecondSurname?.Trim();
        }

        if (request.CompanyInfo is { } company)
        {
            normal.CompanyInfo = Copy.Of(company);
            normal.CompanyInfo.Name = company.Name?.Trim();
        }

        if (request.DigitalPersonalInfo is { } digital)
        {
            normal.DigitalPersonalInfo = Copy.Of(digital);
            normal.DigitalPersonalInfo.Email = SharedRules.NormalizeEmail(digital.Email);
            normal.DigitalPersonalInfo.Name = digital.Name?.Trim();
            normal.DigitalPersonalInfo.FirstSurname = digital.FirstSurname?.Trim();
        }

        return normal;
    }

    /// <summary>The one associated user normalised, its default contact items marked.</summary>
    public static AssociatedUsersRequest Normalize(AssociatedUsersRequest request)
    {
        if (request.AssociatedUsers is not [var user])
        {
            return request;
        }

        var normal = Copy.Of(request);
        normal.AssociatedUsers = [Normalize(user)!];
        return normal;
    }

    /// <summary>When no item is marked default, the first one is (contract §2).</summary>
    public static void NormalizeDefaults(ContactInfo? contact)
    {
        if (contact is null)
        {
            return;
        }

        NormalizeDefaults(contact.PhoneNumbers, p => p.IsDefault, (p, d) => p.IsDefault = d);
        NormalizeDefaults(contact.Emails, e => e.IsDefault, (e, d) => e.IsDefault = d);
    }

    /// <summary>A representative normalised, its default contact items marked: at creation as when replaced.</summary>
    private static AssociatedUser? Normalize(AssociatedUser? user)
    {
        if (user is null)
        {
            return null;
        }

        var normal = Copy.Of(user);
        normal.IdentityDocument = SharedRules.Normalize(user.IdentityDocument);
        normal.Role = user.Role ?? DefaultRole;
        normal.Name = user.Name?.Trim();
        normal.FirstSurname = user.FirstSurname?.Trim();
        normal.SecondSurname = user.SecondSurname?.Trim();
        normal.ContactInfo = SharedRules.Normalize(user.ContactInfo);
        NormalizeDefaults(normal.ContactInfo);
        return normal;
    }

    private static PersonalInfo? Normalize(PersonalInfo? info)
    {
        if (info is null)
        {
            return null;
        }

        var normal = Copy.Of(info);
        normal.IdentityDocument = SharedRules.Normalize(info.IdentityDocument);
        normal.Name = info.Name?.Trim();
        normal.FirstSurname = info.FirstSurname?.Trim();
        normal.SecondSurname = info.SecondSurname?.Trim();
        return normal;
    }

    private static CompanyInfo? Normalize(CompanyInfo? info)
    {
        if (info is null)
        {
            return null;
        }

        var normal = Copy.Of(info);
        normal.IdentityDocument = SharedRules.Normalize(info.IdentityDocument);
        normal.Name = info.Name?.Trim();
        normal.AssociatedUsers = info.AssociatedUsers?.Select(u => Normalize(u)!).ToList();
        return normal;
    }

    private static DigitalPersonalInfo? Normalize(DigitalPersonalInfo? info)
    {
        if (info is null)
        {
            return null;
        }

        var normal = Copy.Of(info);
        normal.Email = SharedRules.NormalizeEmail(info.Email);
        normal.Name = info.Name?.Trim();
        normal.FirstSurname = info.FirstSurname?.Trim();
        return normal;
    }

    /// <summary>Leaves a list holding a missing item alone: it is refused anyway.</summary>
    private static void NormalizeDefaults<T>(List<T>? items, Func<T, bool?> get, Action<T, bool> set)
        where T : class
    {
        if (items is not { Count: > 0 } || items.Exists(i => i is null))
        {
            return;
        }

        var anyDefault = items.Any(i => get(i) == true);
        for (var i = 0; i < items.Count; i++)
        {
            set(items[i], anyDefault ? get(items[i]) == true : i == 0);
        }
    }
}
