namespace Customers.Grains;

/// <summary>
/// The answer to a read, kept once the same stored version is read a second time. A grain read once
/// (most of them, after a start) holds nothing beyond its state; one read again and again hands out
/// the answer it built before. Keyed by the storage's ETag, which every write changes, so a kept
/// answer is always of the version stored. Answers are <c>[Immutable]</c>: shared, never changed.
/// </summary>
public struct RepeatedRead<T>
    where T : class
{
    private string? _etag;
    private T? _answer;

    /// <summary>The answer kept for this version, or null.</summary>
    public readonly T? Kept(string? etag) => etag is not null && etag == _etag ? _answer : null;

    /// <summary>Notes a read of this version and keeps its answer if the version was read before.</summary>
    public T Read(string? etag, T answer)
    {
        if (etag is not null && etag == _etag)
        {
            _answer = answer;
        }
        else
        {
            _etag = etag;
            _answer = null;
        }

        return answer;
    }
}
