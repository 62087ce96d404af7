namespace Customers.Grains.Accounts;

/// <summary>The payment methods an org's RECURRING_PREPAID and POSTPAID accounts may have.</summary>
public sealed class PaymentMethodsOptions
{
    public const string Section = "PaymentMethods";

    /// <summary>
    /// The list for every org without one of its own; null means all of
    /// <see cref="PaymentMethodTypes.Settable"/>. Left null by default because configuration binding
    /// appends to a pre-filled list instead of replacing it.
    /// </summary>
    public List<string>? Available { get; set; }

    /// <summary>Per-org lists (<c>PaymentMethods:Orgs:{org}:0</c>), replacing <see cref="Available"/> for that org.</summary>
    public Dictionary<string, List<string>> Orgs { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> For(string org, string modality)
    {
        if (modality == Modalities.Prepaid)
        {
            return [];
        }

        if (Orgs.TryGetValue(org, out var own) && own.Count > 0)
        {
            return own;
        }

        return Available is { Count: > 0 } ? Available : PaymentMethodTypes.Settable;
    }

    /// <summary>Every configured name is a type a caller may set.</summary>
    public bool IsValid() =>
        (Available ?? []).Concat(Orgs.Values.SelectMany(v => v)).All(t => PaymentMethodTypes.Settable.Contains(t, StringComparer.Ordinal));
}
