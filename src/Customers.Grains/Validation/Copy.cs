using System.Reflection;

namespace Customers.Grains.Validation;

/// <summary>
/// Shallow copies for the normalising steps, which change their own copy of each object they touch
/// and never the caller's. The request types are plain classes of the abstractions; a member-wise
/// copy keeps every property, including ones added later.
/// </summary>
internal static class Copy
{
    private static readonly Func<object, object> Clone = (Func<object, object>)Delegate.CreateDelegate(
        typeof(Func<object, object>),
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!);

    public static T Of<T>(T value)
        where T : class => (T)Clone(value);
}
