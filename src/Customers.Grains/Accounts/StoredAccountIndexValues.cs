namespace Customers.Grains.Accounts;

/// <summary>
/// The unique values an account holds as last stored: the index grains are answered from these,
/// never from state that a write in flight has changed and may still put back.
/// </summary>
internal sealed record StoredAccountIndexValues(bool Exists, bool Live, string ExternalId, HashSet<Guid> References, bool ReferencesTrimmed)
{
    public static StoredAccountIndexValues Of(AccountState state) =>
        new(state.Exists, state.IsLive, state.ExternalId, state.Tokenizations.Select(t => t.ReferenceId).ToHashSet(), state.TokenizationsTrimmed);

    public bool Holds(string kind, string value) => kind switch
    {
        IndexKinds.AccountExternalId => Live && ExternalId == value,
        // Held for good, ended account or not: a reference_id is never used twice in an org. Once the
        // oldest requests have left the list, a claim on a value it does not show may be one of them.
        IndexKinds.TokenizationReference => Exists && Guid.TryParse(value, out var reference) && (References.Contains(reference) || ReferencesTrimmed),
        _ => false,
    };

    /// <summary>
    /// Whether the stored state shows the value. Unlike <see cref="Holds"/>, a reference that may have
    /// left a trimmed list does not count: a value the state does not show is claimed at its index.
    /// </summary>
    public bool Shows(string kind, string value) => kind == IndexKinds.TokenizationReference
        ? Exists && Guid.TryParse(value, out var reference) && References.Contains(reference)
        : Holds(kind, value);
}
