namespace Customers.Tests.Infrastructure;

/// <summary>
/// The real clock moved by an offset and running at real speed, so a host can be put a few seconds
/// before a moment a test needs (a midnight) without waiting for it. Timers stay real.
/// A host given this clock keeps Orleans' own areas (membership, reminder scheduling) on the real
/// one, see <see cref="ShiftedClockHosting"/>.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void MoveTo(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    /// <summary>The real time at which this clock shows <paramref name="shifted"/>.</summary>
    public DateTimeOffset RealTimeOf(DateTimeOffset shifted) => shifted.AddTicks(-Interlocked.Read(ref _offsetTicks));
}
