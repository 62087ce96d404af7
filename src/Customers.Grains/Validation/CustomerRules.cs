namespace Customers.Grains.Validation;

/// <summary>
/// Validation of customer requests (contract §3), in their normal form (<see cref="Normalize(CreateCustomerRequest)"/>
/// and its siblings); it changes nothing.
/// </summary>
public static partial class CustomerRules
{
    public static readonly string[] Languages = ["es", "ca", "gl", "eu", "en", "pt"];
    private static readonly string[] Genders = ["MALE", "FEMALE", "OTHER"];
    private static readonly string[] Types = [CustomerTypes.Private, CustomerTypes.Corporate, CustomerTypes.Digital];
    private const string DefaultRole = "AUTHORIZED_REPRESENTATIVE";

    public static Violations ValidateCreate(CreateCustomerRequest request, DateOnly today)
    {
        var v = new Violations();
        var type = v.OneOf(request.Type, "type", required: true, Types);
        v.OneOf(request.PreferredLanguage, "preferred_language", required: true, Languages);

        switch (type)
        {
            case CustomerTypes.Private:
                v.OneOf(request.Segment, "segment", required: true, "CONSUMER");
                SharedRules.ContactInfo(v, request.ContactInfo, "contact_info", required: true, requireReachable: true);
                PersonalInfo(v, request.PersonalInfo, today);
                break;
            case CustomerTypes.Corporate:
                var segment = v.OneOf(request.Segment, "segment", required: true, "SELF_EMPLOYEE", "SME");
                SharedRules.ContactInfo(v, request.ContactInfo, "contact_info", required: true, requireReachable: true);
                CompanyInfo(v, request.CompanyInfo, segment);
                break;
            case CustomerTypes.Digital:
                if (request.Segment is not null)
                {
                    v.Add("segment", "must be absent for DIGITAL_CUSTOMER");
                }

                SharedRules.ContactInfo(v, request.ContactInfo, "contact_info", required: false, requireReachable: false);
                DigitalInfo(v, request.DigitalPersonalInfo);
                break;
        }

        return v;
    }

    public static Violations ValidatePatch(PatchCustomerRequest request, string customerType, DateOnly today)
    {
        var v = new Violations();
        v.OneOf(request.PreferredLanguage, "preferred_language", required: false, Languages);
        // Whether the customer stays reachable is judged on the merged result, by the grain.
        SharedRules.ContactInfo(v, request.ContactInfo, "contact_info", required: false, requireReachable: false);

        if (request.PersonalInfo is { } personal)
        {
            if (customerType != CustomerTypes.Private)
            {
                v.Add("personal_info", $"is not allowed for {customerType}");
            }

            v.Text(personal.Name, "personal_info.name", 1, 50, required: false);
            v.Text(personal.FirstSurname, "personal_info.first_surname", 1, 50, required: false);
            v.Text(personal.SecondSurname, "personal_info.second_surname", 0, 50, required: false);
            v.OneOf(personal.Gender, "personal_info.gender", required: false, Genders);
            SharedRules.Nationality(v, personal.Nationality, "personal_info.nationality", required: false);
            Birthdate(v, personal.Birthdate, today, required: false);
        }

        if (request.CompanyInfo is { } company)
        {
            if (customerType != CustomerTypes.Corporate)
            {
                v.Add("company_info", $"is not allowed for {customerType}");
            }

            v.Text(company.Name, "company_info.name", 1, 300, required: false);
        }

        if (request.DigitalPersonalInfo is { } digital)
        {
            if (customerType != CustomerTypes.Digital)
            {
                v.Add("digital_personal_info", $"is not allowed for {customerType}");
            }

            SharedRules.Email(v, digital.Email, "digital_personal_info.email", required: false);
            v.Text(digital.Name, "digital_personal_info.name", 1, SharedRules.MaxFreeText, required: false);
            v.Text(digital.FirstSurname, "digital_personal_info.first_surname", 1, SharedRules.MaxFreeText, required: false);
        }

        return v;
    }

    public static Violations ValidateAssociatedUsers(AssociatedUsersRequest request)
    {
        var v = new Violations();
        if (request.AssociatedUsers is not { Count: 1 })
        {
            v.Add("associated_users", "must have exactly 1 item");
            return v;
        }

        AssociatedUser(v, request.AssociatedUsers[0], "associated_users[0]");
        return v;
    }

    public static void AssociatedUser(Violations v, AssociatedUser? user, string path)
    {
        if (user is null)
        {
            v.Add(path, "is required");
            return;
        }

        SharedRules.IdentityDocument(v, user.IdentityDocument, $"{path}.identity_document", IdentityDocumentTypes.Nif, IdentityDocumentTypes.Nie);
        v.OneOf(user.Role ?? DefaultRole, $"{path}.role", required: true, DefaultRole);
        // The contract gives a representative's names no limit of their own: §12's 255 for free text.
        v.Text(user.Name, $"{path}.name", 1, SharedRules.MaxFreeText, required: true);
        v.Text(user.FirstSurname, $"{path}.first_surname", 1, SharedRules.MaxFreeText, required: true);
        v.Text(user.SecondSurname, $"{path}.second_surname", 0, SharedRules.MaxFreeText, required: false);
        SharedRules.Nationality(v, user.Nationality, $"{path}.nationality", required: true);
        SharedRules.ContactInfo(v, user.ContactInfo, $"{path}.contact_info", required: false, requireReachable: false);
    }

    private static void PersonalInfo(Violations v, PersonalInfo? info, DateOnly today)
    {
        if (info is null)
        {
            v.Add("personal_info", "is required");
            return;
        }

        SharedRules.IdentityDocument(v, info.IdentityDocument, "personal_info.identity_document", IdentityDocumentTypes.Nif, IdentityDocumentTypes.Nie, IdentityDocumentTypes.Passport);
        v.Text(info.Name, "personal_info.name", 1, 50, required: true);
        v.Text(info.FirstSurname, "personal_info.first_surname", 1, 50, required: true);
        v.Text(info.SecondSurname, "personal_info.second_surname", 0, 50, required: false);
        v.OneOf(info.Gender, "personal_info.gender", required: true, Genders);
        SharedRules.Nationality(v, info.Nationality, "personal_info.nationality", required: true);
        Birthdate(v, info.Birthdate, today, required: true);
    }

    private static void CompanyInfo(Violations v, CompanyInfo? info, string? segment)
    {
        if (info is null)
        {
            v.Add("company_info", "is required");
            return;
        }

        // Without a valid segment the segment's own error says what is wrong: the document is held
        // to the types any corporate customer may have, not to a guess at the segment meant.
        string[] documentTypes = segment switch
        {
            "SME" => [IdentityDocumentTypes.Cif],
            "SELF_EMPLOYEE" => [IdentityDocumentTypes.Nif, IdentityDocumentTypes.Nie],
            _ => [IdentityDocumentTypes.Nif, IdentityDocumentTypes.Nie, IdentityDocumentTypes.Cif],
        };
        SharedRules.IdentityDocument(v, info.IdentityDocument, "company_info.identity_document", documentTypes);
        v.Text(info.Name, "company_info.name", 1, 300, required: true);
        if (info.AssociatedUsers is { Count: > 1 })
        {
            v.Add("company_info.associated_users", "must have at most 1 item");
        }

        for (var i = 0; i < (info.AssociatedUsers?.Count ?? 0); i++)
        {
            AssociatedUser(v, info.AssociatedUsers![i], $"company_info.associated_users[{i}]");
        }
    }

    private static void DigitalInfo(Violations v, DigitalPersonalInfo? info)
    {
        if (info is null)
        {
            v.Add("digital_personal_info", "is required");
            return;
        }

        SharedRules.Email(v, info.Email, "digital_personal_info.email", required: true);
        v.Text(info.Name, "digital_personal_info.name", 1, SharedRules.MaxFreeText, required: false);
        v.Text(info.FirstSurname, "digital_personal_info.first_surname", 1, SharedRules.MaxFreeText, required: false);
    }

    private static void Birthdate(Violations v, string? birthdate, DateOnly today, bool required)
    {
        var date = v.Date(birthdate, "personal_info.birthdate", required);
        if (date is { } d && d >= today)
        {
            v.Add("personal_info.birthdate", "must be a past date");
        }
    }
}
