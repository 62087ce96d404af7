namespace Customers;

/// <summary><c>{values}</c>: an org's special-treatment values, or the (at most one) value a customer has.</summary>
[GenerateSerializer]
public sealed class SpecialTreatmentValues
{
    [Id(0)] public List<string?>? Values { get; set; }
}
