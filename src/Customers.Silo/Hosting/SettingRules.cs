using System.Reflection;
using Customers.Silo.Database;
using Microsoft.Extensions.Options;

namespace Customers.Silo.Hosting;

/// <summary>
/// The rules the options check when the host starts (<c>ValidateOnStart</c>): a value that converts
/// but makes no sense, such as a timeout of zero. Their messages name the setting's environment
/// variable, one line each, like the checks made before the host is built.
/// </summary>
public static class SettingRules
{
    /// <summary>Whether the silo is its process's entry point, so a refusal may end the process.</summary>
    public static bool RunAsProcess => Assembly.GetEntryAssembly() == typeof(SettingRules).Assembly;

    /// <summary>
    /// The broken rules an exception at start carries, and a schema the silo may not apply itself that
    /// is behind it; empty when it is anything else.
    /// </summary>
    public static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        SchemaBehindException schema => [schema.Message],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => [],
    };
}
