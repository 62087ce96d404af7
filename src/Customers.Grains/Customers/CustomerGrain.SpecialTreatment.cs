using Customers.Grains.Validation;

namespace Customers.Grains.Customers;

public sealed partial class CustomerGrain : ICustomerSpecialTreatmentGrain
{
    public Task<Outcome<SpecialTreatmentValues>> GetSpecialTreatment() =>
        Task.FromResult(Readable
            ? Outcome<SpecialTreatmentValues>.Success(new SpecialTreatmentValues { Values = S.SpecialTreatment is { } value ? [value] : [] })
            : NotFound);

    public async Task<Outcome> SetSpecialTreatment(SpecialTreatmentValues request)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var violations = CatalogRules.ValidateCustomerSpecialTreatment(request);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        if (request.Values!.Count == 0)
        {
            return await ClearSpecialTreatment();
        }

        var value = request.Values[0]!;
        if (value == S.SpecialTreatment)
        {
            return Outcome.Ok;
        }

        return await ChangingHoldings(async () =>
        {
            var holders = SpecialTreatmentHolders;
            var previous = S.SpecialTreatment;
            var taken = await Take(holders, value, heldBefore: previous is not null, previous, () => Catalog.ValidateSpecialTreatment(value));
            if (!taken.IsOk)
            {
                return taken;
            }

            var snapshot = Snapshot();
            S.SpecialTreatment = value;
            Record(EventTypes.SpecialTreatmentSet, "special_treatment");
            await WriteTaken(snapshot, holders, heldBefore: previous is not null, previous);
            return Outcome.Ok;
        });
    }

    public async Task<Outcome> ClearSpecialTreatment()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (S.SpecialTreatment is null)
        {
            return Outcome.Ok;
        }

        return await ChangingHoldings(async () =>
        {
            var snapshot = Snapshot();
            S.SpecialTreatment = null;
            Record(EventTypes.SpecialTreatmentRemoved, "special_treatment");
            await WriteOrRevert(snapshot);
            await TellHolders(() => SpecialTreatmentHolders.Release(_id));
            return Outcome.Ok;
        });
    }

    public Task<bool> MayHoldSpecialTreatment(string value) =>
        Task.FromResult(_holdingsInFlight || (S.IsLive && S.SpecialTreatment == value));
}
