using Microsoft.Extensions.Time.Testing;

namespace Customers.Tests.Grains;

/// <summary>The tokenization state machine on the grains, with a clock the tests move.</summary>
[Collection(GrainClusterCollection.Name)]
public class AccountTokenizationTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private static FakeTimeProvider Clock => GrainClusterFixture.Clock;
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_new_request_is_pending_until_its_timeout()
    {
        var reference = Guid.NewGuid();
        var (account, _) = await OpenAccount(AccountRequests.CardReference(reference));

        Clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        var request = Assert.Single((await account.GetTokenizationRequests()).Value!);

        Assert.Equal(TokenizationStatuses.Pending, request.Status);
        Assert.Equal(reference, request.ReferenceId);
        Assert.Null(request.ErrorMessage);
    }

    [Fact]
    public async Task The_reminder_tick_after_the_timeout_makes_a_pending_request_expired_with_an_error_message()
    {
        var (account, _) = await OpenAccount(AccountRequests.CardReference(Guid.NewGuid()));
        var createdAt = (await Single(account)).CreatedAt;

        Clock.Advance(Timeout + TimeSpan.FromSeconds(1));
        await account.AsReference<IRemindable>().ReceiveReminder("account-schedule", default);

        var request = Assert.Single((await account.GetTokenizationRequests()).Value!);
        Assert.Equal(TokenizationStatuses.Expired, request.Status);
        Assert.False(string.IsNullOrEmpty(request.ErrorMessage));
        Assert.Equal(createdAt + Timeout, request.UpdatedAt);
    }

    [Fact]
    public async Task A_reminder_tick_before_the_timeout_changes_nothing()
    {
        var (account, _) = await OpenAccount(AccountRequests.CardReference(Guid.NewGuid()));

        Clock.Advance(Timeout - TimeSpan.FromMinutes(1));
        await account.AsReference<IRemindable>().ReceiveReminder("account-schedule", default);

        Assert.Equal(TokenizationStatuses.Pending, (await Single(account)).Status);
    }

    [Fact]
    public async Task A_request_past_its_timeout_reads_expired_even_before_the_reminder_fires()
    {
        var (account, _) = await OpenAccount(AccountRequests.CardReference(Guid.NewGuid()));

        Clock.Advance(Timeout);

        Assert.Equal(TokenizationStatuses.Expired, (await Single(account)).Status);
    }

    [Fact]
    public async Task An_expired_request_keeps_the_previous_method_and_refuses_any_result()
    {
        var (account, _) = await OpenAccount(AccountRequests.DirectDebit());
        var reference = Guid.NewGuid();
        Assert.True((await account.ChangePaymentMethod(AccountRequests.CardReference(reference))).Value!.Pending);

        Clock.Advance(Timeout + TimeSpan.FromSeconds(1));
        var completed = await account.RecordTokenizationResult(reference, AccountRequests.Completed("tok-late"));
        var failed = await account.RecordTokenizationResult(reference, AccountRequests.Failed());

        Assert.Equal(OutcomeStatus.Conflict, completed.Status);
        Assert.Equal(OutcomeStatus.Conflict, failed.Status);
        Assert.Equal(PaymentMethodTypes.DirectDebit, (await account.Get())!.PaymentMethod!.Type);
        Assert.Equal(TokenizationStatuses.Expired, (await Single(account)).Status);
    }

    [Fact]
    public async Task After_expiry_the_payment_method_can_change_and_the_account_can_end()
    {
        var (account, customer) = await OpenAccount(AccountRequests.CardReference(Guid.NewGuid()));
        var accountId = (await account.Get())!.Id;
        Assert.Equal(OutcomeStatus.Conflict, (await customer.CloseAccount(accountId)).Status);

        Clock.Advance(Timeout + TimeSpan.FromSeconds(1));

        Assert.True((await account.ChangePaymentMethod(AccountRequests.BankTransfer())).IsOk);
        Assert.True((await customer.CloseAccount(accountId)).IsOk);
    }

    [Fact]
    public async Task Completed_makes_the_card_the_payment_method_and_the_same_result_again_is_accepted()
    {
        var (account, customer) = await OpenAccount(AccountRequests.BankTransfer());
        var reference = Guid.NewGuid();
        await account.ChangePaymentMethod(AccountRequests.CardReference(reference));

        Assert.True((await account.RecordTokenizationResult(reference, AccountRequests.Completed("tok-1"))).IsOk);
        Assert.True((await account.RecordTokenizationResult(reference, AccountRequests.Completed("tok-1"))).IsOk);
        Assert.Equal(OutcomeStatus.Conflict, (await account.RecordTokenizationResult(reference, AccountRequests.Completed("tok-2"))).Status);
        Assert.Equal(OutcomeStatus.Conflict, (await account.RecordTokenizationResult(reference, AccountRequests.Failed())).Status);

        var view = (await account.Get())!;
        Assert.Equal(PaymentMethodTypes.CreditCard, view.PaymentMethod!.Type);
        Assert.Equal("tok-1", view.PaymentMethod.Details!.TokenId);
        Assert.Equal(["tok-1", ""], (await account.GetPaymentMethodHistory()).Value!.Select(h => h.Details));
        Assert.Equal("tok-1", Assert.Single((await customer.GetAvailableCreditCards()).Value!).Id);

        Clock.Advance(Timeout * 2);
        Assert.Equal(TokenizationStatuses.Completed, (await Single(account)).Status);
    }

    [Fact]
    public async Task Failed_keeps_the_previous_method_and_the_same_failure_again_is_accepted()
    {
        var (account, customer) = await OpenAccount(AccountRequests.DirectDebit());
        var reference = Guid.NewGuid();
        await account.ChangePaymentMethod(AccountRequests.CardReference(reference));

        Assert.True((await account.RecordTokenizationResult(reference, AccountRequests.Failed("declined"))).IsOk);
        Assert.True((await account.RecordTokenizationResult(reference, AccountRequests.Failed("declined"))).IsOk);
        Assert.Equal(OutcomeStatus.Conflict, (await account.RecordTokenizationResult(reference, AccountRequests.Failed("other"))).Status);

        Assert.Equal(PaymentMethodTypes.DirectDebit, (await account.Get())!.PaymentMethod!.Type);
        Assert.Equal("declined", (await Single(account)).ErrorMessage);
        Assert.Empty((await customer.GetAvailableCreditCards()).Value!);
    }

    [Fact]
    public async Task A_card_leaves_the_available_list_once_its_month_is_over()
    {
        var reference = Guid.NewGuid();
        var (account, customer) = await OpenAccount(AccountRequests.CardReference(reference));
        var now = Clock.GetUtcNow();
        await account.RecordTokenizationResult(reference, AccountRequests.Completed("tok-month", now.ToString("MM/yyyy")));
        Assert.Single((await customer.GetAvailableCreditCards()).Value!);

        var firstOfNextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        Clock.Advance(firstOfNextMonth - now);

        Assert.Empty((await customer.GetAvailableCreditCards()).Value!);
    }

    [Fact]
    public async Task A_reference_id_is_never_used_twice_in_an_org_not_even_after_its_account_ended()
    {
        var reference = Guid.NewGuid();
        var (account, customer) = await OpenAccount(AccountRequests.CardReference(reference));
        await account.RecordTokenizationResult(reference, AccountRequests.Failed());
        Assert.True((await customer.CloseAccount((await account.Get())!.Id)).IsOk);
        Clock.Advance(GrainClusterFixture.ReservationGrace + TimeSpan.FromSeconds(1));

        var again = await (await Customer()).OpenAccount(AccountRequests.Account(AccountRequests.CardReference(reference)), null);

        Assert.Equal(OutcomeStatus.Conflict, again.Status);
    }

    [Fact]
    public async Task A_grain_refuses_an_IBAN_with_a_wrong_check_without_passing_through_HTTP()
    {
        var (account, _) = await OpenAccount(AccountRequests.BankTransfer());

        var outcome = await account.ChangePaymentMethod(AccountRequests.DirectDebit("ES7921000813610123456788"));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "details.iban");
    }

    private static async Task<TokenizationRequestView> Single(IAccountGrain account) =>
        Assert.Single((await account.GetTokenizationRequests()).Value!);

    private async Task<ICustomerAccountsGrain> Customer()
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id)).Create(Requests.Private())).IsOk);
        return fixture.Grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(_org, id));
    }

    private async Task<(IAccountGrain Account, ICustomerAccountsGrain Customer)> OpenAccount(PaymentMethod paymentMethod)
    {
        var customer = await Customer();
        var created = await customer.OpenAccount(AccountRequests.Account(paymentMethod), null);
        Assert.True(created.IsOk, string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return (fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, created.Value!.Id)), customer);
    }
}
