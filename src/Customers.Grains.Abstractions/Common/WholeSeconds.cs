namespace Customers;

/// <summary>
/// Times as the API states them: UTC, to the second (<c>2022-01-01T01:01:01Z</c>). The views hold
/// their times this way, so every writer of a view, the API's source-generated one included, writes
/// the page's format without a converter of its own.
/// </summary>
public static class WholeSeconds
{
    public static DateTime Of(DateTime time)
    {
        var utc = time.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    public static DateTime? Of(DateTime? time) => time is { } value ? Of(value) : null;
}
