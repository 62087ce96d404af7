using System.ComponentModel;
using System.Reflection;
using Customers.Api.Auth;
using Customers.Api.Identification;
using Customers.Api.RateLimiting;
using Customers.Grains.Accounts;
using Customers.Grains.Credentials;
using Customers.Grains.Events;
using Customers.Grains.Indexing;
using Customers.Silo.Database;
using Orleans.Configuration;

namespace Customers.Silo.Hosting;

/// <summary>
/// Settings whose value the configuration binder could not convert: a duration that is not one, a
/// port or a key's rate that is not a number, a list given as one value. The binder would drop a
/// key with a malformed rate without a word; sections read only when a grain first needs them would
/// let the silo start and then fail requests (a credential's activation with a malformed
/// <c>Credentials__ProviderTimeout</c>); the others would abort start-up with a stack trace. Found
/// before the host is built, each is one line naming its variable, and the value is not echoed.
/// </summary>
public static class SettingsConversion
{
    /// <summary>Every section the silo binds to a settings class.</summary>
    private static readonly (string Section, Type Type)[] Sections =
    [
        (ApiKeyOptions.Section, typeof(ApiKeyOptions)),
        (OrleansSettings.Section, typeof(OrleansSettings)),
        (DatabaseOptions.Section, typeof(DatabaseOptions)),
        (EventsOptions.Section, typeof(EventsOptions)),
        (CredentialOptions.Section, typeof(CredentialOptions)),
        (InProcessIdentityProviderOptions.Section, typeof(InProcessIdentityProviderOptions)),
        (TokenizationOptions.Section, typeof(TokenizationOptions)),
        (PaymentMethodsOptions.Section, typeof(PaymentMethodsOptions)),
        (RateLimitingOptions.Section, typeof(RateLimitingOptions)),
        (DocumentsOptions.Section, typeof(DocumentsOptions)),
        ("Indexing", typeof(IndexingOptions)),
        ("Reminders", typeof(ReminderOptions)),
    ];

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (section, type) in Sections)
        {
            Check(configuration.GetSection(section), type, problems);
        }

        return problems;
    }

    private static void Check(IConfigurationSection section, Type type, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            // An empty value is left to the binder, which treats it as not set.
            if (!string.IsNullOrEmpty(section.Value) && !Converts(section.Value, type))
            {
                problems.Add($"{section.Path.Replace(":", "__", StringComparison.Ordinal)} {Expected(type)}.");
            }

            return;
        }

        if (ElementType(type) is { } element)
        {
            // The binder fills a list from numbered children only, and would drop a single value unread.
            if (!string.IsNullOrEmpty(section.Value))
            {
                var name = section.Path.Replace(":", "__", StringComparison.Ordinal);
                problems.Add($"{name} is a list: set {name}__0, {name}__1, … instead.");
            }

            foreach (var child in section.GetChildren())
            {
                Check(child, element, problems);
            }

            return;
        }

        foreach (var child in section.GetChildren())
        {
            // The binder ignores keys no property carries, and so does this check.
            if (type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                Check(child, property.PropertyType, problems);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    /// <summary>What a list's items or a dictionary's values are; null for a class of settings.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var dictionary = Implemented(type, typeof(IDictionary<,>)) ?? Implemented(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return Implemented(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static Type? Implemented(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);

    /// <summary>The converter the configuration binder itself uses for a single value.</summary>
    private static bool Converts(string value, Type type)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException or InvalidCastException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type.IsEnum
        ? $"must be one of {string.Join(", ", Enum.GetNames(type))}"
        : Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "must be true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "must be a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "must be a number",
            _ when type == typeof(TimeSpan) => "must be a duration written d.hh:mm:ss or hh:mm:ss (00:15:00 is fifteen minutes)",
            _ => $"must be a valid {type.Name}",
        };
}
