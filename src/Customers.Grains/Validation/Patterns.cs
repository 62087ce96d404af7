using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Customers.Grains.Validation;

public static partial class Patterns
{
    [GeneratedRegex(@"^(0[1-9][0-9]{3}|[1-4][0-9]{4}|5[0-2][0-9]{3})\z")]
    public static partial Regex SpanishPostalCode();

    [GeneratedRegex(@"^[A-Z]{2}\z")]
    public static partial Regex CountryAlpha2();

    /// <summary>
    /// No calling code starts with 0: <c>+034</c> is not a way of writing <c>+34</c>, and reading it
    /// as one would let it past the rules written for <c>+34</c>.
    /// </summary>
    [GeneratedRegex(@"^\+[1-9][0-9]{0,2}\z")]
    public static partial Regex CountryCallingCode();

    [GeneratedRegex(@"^[0-9]{6,15}\z")]
    public static partial Regex PhoneDigits();

    [GeneratedRegex(@"^[0-9]{2}\z")]
    public static partial Regex ProvinceCode();

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+\z")]
    private static partial Regex EmailShape();

    public static bool IsEmail(string value) =>
        EmailShape().IsMatch(value) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    /// <summary>A calling code that the ITU has assigned to some region (libphonenumber's metadata).</summary>
    public static bool IsAssignedCallingCode(string countryCode) =>
        CountryCallingCode().IsMatch(countryCode)
        && PhoneNumberUtil.GetInstance().GetRegionCodeForCountryCode(int.Parse(countryCode.AsSpan(1))) != "ZZ";
}
