namespace Customers.Grains.Customers;

/// <summary>
/// The unique values a customer holds as last stored. Index grains are answered from these, never
/// from state a write in flight has changed: that write may still fail and put the old values back.
/// </summary>
internal sealed record StoredIndexValues(bool Live, string ExternalId, string? Document, string? LoginEmail, string? Username)
{
    /// <summary>What a customer never stored holds: nothing.</summary>
    public static readonly StoredIndexValues None = new(Live: false, ExternalId: "", Document: null, LoginEmail: null, Username: null);

    public static StoredIndexValues Of(CustomerState state) =>
        new(state.IsLive, state.ExternalId, state.DocumentIndexValue, state.LoginEmail, state.Credential?.IndexedUsername());

    public bool Holds(string kind, string value) => Live && kind switch
    {
        IndexKinds.Document => Document == value,
        IndexKinds.LoginEmail => LoginEmail == value || Username == value,
        IndexKinds.CustomerExternalId => ExternalId == value,
        _ => false,
    };
}
