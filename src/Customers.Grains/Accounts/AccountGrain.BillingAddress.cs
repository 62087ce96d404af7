using System.Globalization;
using Customers.Grains.Validation;

namespace Customers.Grains.Accounts;

public sealed partial class AccountGrain
{
    private const int RecipientNameMaxLength = 300;
    private const int RecipientLineMaxLength = 100;

    public Task<Outcome<BillingAddressHistory>> GetBillingAddressHistory(string? from, string? to)
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<BillingAddressHistory>>(NotFound);
        }

        var v = new Violations();
        var fromDate = v.Date(from, "from", required: false);
        var toDate = v.Date(to, "to", required: false);
        if (fromDate > toDate)
        {
            v.Add("from", "must not be after to");
        }

        if (v.Any)
        {
            return Task.FromResult<Outcome<BillingAddressHistory>>(v.ToOutcome());
        }

        // Whole UTC days, both ends included: a period counts when it was in force at any moment of them.
        var start = fromDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // The last representable day has no next one: every period starts before its end.
        var endExclusive = toDate is { } last && last < DateOnly.MaxValue
            ? last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : (DateTime?)null;
        var history = S.BillingAddresses
            .Where(p => (endExclusive is null || p.From < endExclusive) && (start is null || p.To is null || p.To > start))
            .Select(p => new BillingAddressPeriod { BillingAddress = p.Address.ToBilling(), InitDate = p.From, EndDate = p.To })
            .ToList();
        return Task.FromResult(Outcome<BillingAddressHistory>.Success(new BillingAddressHistory
        {
            Id = _id,
            ExternalId = S.ExternalId,
            From = fromDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = toDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            History = history,
        }));
    }

    public async Task<Outcome> ChangeBillingAddress(BillingAddress address)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        address = AccountRules.Normalize(address)!;
        var v = new Violations();
        AccountRules.BillingAddress(v, address, "");
        if (v.Any)
        {
            return v.ToOutcome();
        }

        if (SameAddress(S.BillingAddress, address))
        {
            return Outcome.Ok;
        }

        var snapshot = Snapshot();
        var now = Now;
        S.BillingAddresses[^1].To = now;
        S.BillingAddresses.Add(new BillingAddressRecord { Address = StoredAddress.From(address)!, From = now });
        S.UpdatedAt = now;
        Record(EventTypes.BillingAddressChanged, "billing_address");
        await WriteOrRevert(snapshot);
        return Outcome.Ok;
    }

    public async Task<Outcome<InvoiceRecipient>> GetInvoiceRecipient()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var holder = await GrainFactory.Ref<ICustomerAccountsGrain>(GrainKeys.Customer(_org, S.CustomerId)).GetAccountHolder();
        if (holder is null)
        {
            return Outcome.NotFound("the account's customer was not found");
        }

        var address = S.BillingAddress!;
        return Outcome<InvoiceRecipient>.Success(new InvoiceRecipient
        {
            Name = Validation.Text.Cut(holder.Name, RecipientNameMaxLength),
            AddressLines = [Validation.Text.Cut(string.Join(", ", address.AddressLines ?? []), RecipientLineMaxLength)],
            PostalCode = address.PostalCode,
            Locality = address.Locality,
            AdministrativeArea = address.AdministrativeArea,
            RegionCode = address.RegionCode,
        });
    }

    private static bool SameAddress(StoredAddress? current, BillingAddress requested) =>
        current is not null
        && (current.AddressLines ?? []).SequenceEqual(requested.AddressLines ?? [])
        && current.PostalCode == requested.PostalCode
        && current.StateId == requested.StateId
        && current.Locality == requested.Locality
        && current.AdministrativeArea == requested.AdministrativeArea
        && current.RegionCode == requested.RegionCode;
}
