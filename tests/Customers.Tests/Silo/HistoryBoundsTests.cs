using Customers.Grains;
using Customers.Grains.Accounts;
using Customers.Grains.Customers;
using Customers.Grains.Identification;

namespace Customers.Tests.Silo;

/// <summary>Before each write the live record drops the oldest entries of every history list past 200.</summary>
public class HistoryBoundsTests
{
    [Fact]
    public void Every_account_history_list_keeps_its_newest_200_entries()
    {
        var contract = new ContractRecord { Requests = Many(250, i => new ContractRequestRecord { RequestExternalId = $"{i}" }) };
        var state = new AccountState
        {
            BillingAddresses = Many(250, i => new BillingAddressRecord { Address = new StoredAddress { PostalCode = $"{i}" } }),
            PaymentMethods = Many(250, i => new PaymentMethodRecord { Type = $"{i}" }),
            Tokenizations = Many(250, i => new TokenizationRecord { TokenId = $"{i}" }),
            PromotionOperations = Many(250, i => new PromotionOperationRecord { PromotionId = i }),
            Contracts = [contract],
        };

        state.TrimHistories();

        Assert.Equal(Newest(), state.BillingAddresses.Select(b => b.Address.PostalCode));
        Assert.Equal(Newest(), state.PaymentMethods.Select(p => p.Type));
        Assert.Equal(Newest(), state.Tokenizations.Select(t => t.TokenId));
        Assert.Equal(Newest(), state.PromotionOperations.Select(p => $"{p.PromotionId}"));
        Assert.Equal(Newest(), contract.Requests.Select(r => r.RequestExternalId));
    }

    [Fact]
    public void A_customers_category_values_and_identification_processes_keep_their_newest_200()
    {
        var category = new CustomerCategoryState { History = Many(250, i => new CategoryValueRecord { Value = $"{i}" }) };
        var state = new CustomerState
        {
            Categories = [category],
            IdentificationProcesses = Many(250, i => new IdentificationProcessState { ProcessDate = DateTime.UnixEpoch.AddDays(i) }),
        };

        state.TrimHistories();

        Assert.Equal(Newest(), category.History.Select(h => h.Value));
        Assert.Equal(Enumerable.Range(50, 200).Select(i => DateTime.UnixEpoch.AddDays(i)), state.IdentificationProcesses.Select(p => p.ProcessDate));
    }

    [Fact]
    public void A_reference_id_dropped_from_the_tokenization_list_stays_held_by_its_account()
    {
        var references = Many(Histories.MaxEntries + 1, _ => Guid.NewGuid());
        var state = new AccountState
        {
            CreatedAt = DateTime.UnixEpoch,
            Tokenizations = references.Select(r => new TokenizationRecord { ReferenceId = r }).ToList(),
        };

        state.TrimHistories();

        Assert.DoesNotContain(state.Tokenizations, t => t.ReferenceId == references[0]);
        Assert.True(StoredAccountIndexValues.Of(state).Holds(IndexKinds.TokenizationReference, references[0].ToString("D")));
    }

    [Fact]
    public void An_untrimmed_account_holds_only_the_reference_ids_it_lists()
    {
        var state = new AccountState
        {
            CreatedAt = DateTime.UnixEpoch,
            Tokenizations = Many(Histories.MaxEntries, _ => new TokenizationRecord { ReferenceId = Guid.NewGuid() }),
        };

        state.TrimHistories();

        Assert.False(StoredAccountIndexValues.Of(state).Holds(IndexKinds.TokenizationReference, Guid.NewGuid().ToString("D")));
        Assert.True(StoredAccountIndexValues.Of(state).Holds(IndexKinds.TokenizationReference, state.Tokenizations[0].ReferenceId.ToString("D")));
    }

    [Fact]
    public void A_list_at_the_bound_is_left_whole()
    {
        var list = Many(Histories.MaxEntries, i => i);

        Histories.KeepNewest(list);

        Assert.Equal(Enumerable.Range(0, Histories.MaxEntries), list);
    }

    private static List<T> Many<T>(int count, Func<int, T> make) => Enumerable.Range(0, count).Select(make).ToList();

    private static IEnumerable<string> Newest() => Enumerable.Range(50, 200).Select(i => $"{i}");
}
