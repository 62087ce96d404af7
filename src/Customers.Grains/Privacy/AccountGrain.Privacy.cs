using Customers.Grains.Indexing;
using Customers.Grains.Privacy;

namespace Customers.Grains.Accounts;

/// <summary>The account's part of its customer's export and erasure, closed accounts included.</summary>
public sealed partial class AccountGrain : IAccountPrivacyGrain, IAccountErasure
{
    /// <summary>True only while an export reads the account: its reads then answer for a closed account too.</summary>
    private bool _exporting;

    private bool Readable => S.IsLive || (_exporting && S.Exists);

    public async Task<AccountExport?> Export(Guid customerId)
    {
        if (!S.Exists || S.CustomerId != customerId)
        {
            return null;
        }

        // The reads below complete without yielding, so no interleaving call sees the flag set.
        _exporting = true;
        try
        {
            return new AccountExport
            {
                Account = ToView(),
                BillingAddressHistory = (await GetBillingAddressHistory(null, null)).Value!,
                PaymentMethodHistory = (await GetPaymentMethodHistory()).Value!,
                TokenizationRequests = (await GetTokenizationRequests()).Value!,
                Promotions = (await GetPromotions(PromotionListTypes.All)).Value!,
                PromotionsHistory = (await GetPromotionHistory(null)).Value!,
                Contracts = (await GetContracts()).Value!,
                CreditCards = TokenizedCards(),
            };
        }
        finally
        {
            _exporting = false;
        }
    }

    public async Task Erase(Guid customerId)
    {
        if (S.Exists && S.CustomerId != customerId)
        {
            return;
        }

        await Unregister(ScheduleReminder);
        _armedKnown = false;
        if (!S.Exists)
        {
            return;
        }

        // Freed before the state is cleared: a retry after a crash in between still knows the values.
        await Free(S.Tokenizations.Select(t => ReferenceValue(t.ReferenceId))
            .Append(new UniqueValue(IndexKinds.AccountExternalId, S.ExternalId)));

        // The row stays, keyed by org and account id only, with no payload.
        await _state.ClearStateAsync();
    }
}
