using Customers.Grains;

namespace Customers.Tests.Grains;

/// <summary>When a grain hands out the answer it built before, and when it builds a new one.</summary>
public class RepeatedReadTests
{
    private static readonly object First = new();
    private static readonly object Second = new();

    [Fact]
    public void A_version_read_once_keeps_nothing()
    {
        var reads = new RepeatedRead<object>();

        reads.Read("3", First);

        Assert.Null(reads.Kept("3"));
    }

    [Fact]
    public void A_version_read_a_second_time_keeps_that_answer_for_later_reads()
    {
        var reads = new RepeatedRead<object>();
        reads.Read("3", First);

        reads.Read("3", Second);

        Assert.Same(Second, reads.Kept("3"));
    }

    [Fact]
    public void A_new_version_drops_the_kept_answer()
    {
        var reads = new RepeatedRead<object>();
        reads.Read("3", First);
        reads.Read("3", Second);

        reads.Read("4", First);

        Assert.Null(reads.Kept("3"));
        Assert.Null(reads.Kept("4"));
    }

    [Fact]
    public void A_state_never_stored_keeps_nothing()
    {
        var reads = new RepeatedRead<object>();
        reads.Read(null, First);
        reads.Read(null, Second);

        Assert.Null(reads.Kept(null));
    }
}
