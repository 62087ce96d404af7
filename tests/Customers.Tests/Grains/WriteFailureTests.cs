using Customers.Grains.Indexing;
using Orleans.Runtime;

namespace Customers.Tests.Grains;

/// <summary>What a storage write that fails halfway through a command leaves behind: nothing that blocks a retry.</summary>
[Collection(GrainClusterCollection.Name)]
public class WriteFailureTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_customer_whose_first_write_fails_leaves_its_document_free_for_the_retry()
    {
        var nif = Requests.UniqueNif();
        var failed = Customer(Guid.NewGuid());
        using (FaultyGrainStorage.FailWrites(failed.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => failed.Create(Requests.Private(nif)));
        }

        var retry = await Customer(Guid.NewGuid()).Create(Requests.Private(nif));

        Assert.True(retry.IsOk);
        Assert.Null(await failed.Get());
    }

    [Fact]
    public async Task An_account_whose_first_write_fails_leaves_its_tokenization_reference_free_for_the_retry()
    {
        var reference = Guid.NewGuid();
        var failed = fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, Guid.NewGuid()));
        var command = new OpenAccountCommand
        {
            CustomerId = Guid.NewGuid(),
            CustomerExternalId = "1",
            Request = AccountRequests.Account(AccountRequests.CardReference(reference)),
            CustomerPostalAddress = null,
        };
        {
            using var fault = FaultyGrainStorage.FailWrites(failed.GetGrainId());
            await Assert.ThrowsAsync<OrleansException>(() => failed.Create(command));
            Assert.Equal(1, fault.Failed);
        }

        var index = fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainClusterFixture.IndexKeys.For(_org, IndexKinds.TokenizationReference, reference.ToString("D")));
        Assert.Null(await index.Owner());
        var retry = await fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, Guid.NewGuid())).Create(command);
        Assert.True(retry.IsOk);
    }

    [Fact]
    public async Task An_e_mail_being_given_up_by_a_write_that_then_fails_is_not_handed_to_another_customer()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var ownerId = Guid.NewGuid();
        var owner = Customer(ownerId);
        Assert.True((await owner.Create(Requests.Digital(email))).IsOk);
        // Old enough that a claimant makes the index ask the owner whether it still holds the value.
        GrainClusterFixture.Clock.Advance(GrainClusterFixture.ReservationGrace + TimeSpan.FromSeconds(1));

        Task<Outcome> change;
        using (FaultyGrainStorage.FailWrites(owner.GetGrainId(), delay: TimeSpan.FromSeconds(2)))
        {
            change = owner.Update(new PatchCustomerRequest { DigitalPersonalInfo = new PatchDigitalPersonalInfo { Email = $"{Guid.NewGuid():N}@example.com" } });
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var claimant = await Customer(Guid.NewGuid()).Create(Requests.Digital(email));

            Assert.Equal(OutcomeStatus.Conflict, claimant.Status);
            await Assert.ThrowsAsync<OrleansException>(() => change);
        }

        Assert.Equal(email, (await owner.Get())!.DigitalPersonalInfo!.Email);
        var index = fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainClusterFixture.IndexKeys.For(_org, IndexKinds.LoginEmail, email));
        Assert.Equal(ownerId, await index.Owner());
    }

    [Fact]
    public async Task A_customer_whose_write_is_stored_but_answered_as_failed_keeps_its_document()
    {
        var nif = Requests.UniqueNif();
        var id = Guid.NewGuid();
        var stored = Customer(id);
        using (FaultyGrainStorage.FailWrites(stored.GetGrainId(), afterStoring: true))
        {
            await Assert.ThrowsAsync<OrleansException>(() => stored.Create(Requests.Private(nif)));
        }

        var rival = await Customer(Guid.NewGuid()).Create(Requests.Private(nif));

        Assert.Equal(OutcomeStatus.Conflict, rival.Status);
        Assert.NotNull(await stored.Get());
        Assert.Equal(id, await Index(IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif)).Owner());
    }

    [Fact]
    public async Task An_e_mail_change_whose_write_fails_leaves_the_new_e_mail_free_and_the_old_one_held()
    {
        var (email, wanted) = ($"{Guid.NewGuid():N}@example.com", $"{Guid.NewGuid():N}@example.com");
        var id = Guid.NewGuid();
        var owner = Customer(id);
        Assert.True((await owner.Create(Requests.Digital(email))).IsOk);
        using (FaultyGrainStorage.FailWrites(owner.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => owner.Update(new PatchCustomerRequest { DigitalPersonalInfo = new PatchDigitalPersonalInfo { Email = wanted } }));
        }

        Assert.Null(await Index(IndexKinds.LoginEmail, wanted).Owner());
        Assert.Equal(id, await Index(IndexKinds.LoginEmail, email).Owner());
        Assert.True((await Customer(Guid.NewGuid()).Create(Requests.Digital(wanted))).IsOk);
    }

    [Fact]
    public async Task A_customer_read_again_and_again_still_reads_as_stored_after_a_change_whose_write_fails()
    {
        var owner = Customer(Guid.NewGuid());
        Assert.True((await owner.Create(Requests.Private())).IsOk);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("es", (await owner.Get())!.PreferredLanguage);
        }

        using (FaultyGrainStorage.FailWrites(owner.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => owner.Update(new PatchCustomerRequest { PreferredLanguage = "gl" }));
        }

        Assert.Equal("es", (await owner.Get())!.PreferredLanguage);
        Assert.True((await owner.Update(new PatchCustomerRequest { PreferredLanguage = "gl" })).IsOk);
        Assert.Equal("gl", (await owner.Get())!.PreferredLanguage);
    }

    [Fact]
    public async Task A_nie_to_nif_conversion_whose_write_fails_leaves_the_nif_free_for_the_retry()
    {
        var nif = Requests.UniqueNif();
        var owner = Customer(Guid.NewGuid());
        Assert.True((await owner.Create(Requests.Private(Requests.UniqueNie(), IdentityDocumentTypes.Nie))).IsOk);
        using (FaultyGrainStorage.FailWrites(owner.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => owner.ConvertNieToNif(new ConvertNieToNifRequest { Nif = nif }));
        }

        Assert.Null(await Index(IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif)).Owner());
        Assert.True((await owner.ConvertNieToNif(new ConvertNieToNifRequest { Nif = nif })).IsOk);
    }

    [Fact]
    public async Task A_credential_whose_write_fails_leaves_its_username_free_for_the_retry()
    {
        var username = $"{Guid.NewGuid():N}@example.com";
        var id = Guid.NewGuid();
        Assert.True((await Customer(id).Create(Requests.Private())).IsOk);
        var credentials = fixture.Grains.GetGrain<ICustomerCredentialsGrain>(GrainKeys.Customer(_org, id));
        using (FaultyGrainStorage.FailWrites(credentials.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => credentials.CreateCredential(new CredentialRequest { Username = username }));
        }

        Assert.Null(await Index(IndexKinds.LoginEmail, username).Owner());
        Assert.True((await credentials.CreateCredential(new CredentialRequest { Username = username })).IsOk);
    }

    [Fact]
    public async Task A_username_change_whose_write_fails_keeps_the_old_username_and_frees_the_new_one()
    {
        var (old, wanted) = ($"{Guid.NewGuid():N}@example.com", $"{Guid.NewGuid():N}@example.com");
        var id = Guid.NewGuid();
        Assert.True((await Customer(id).Create(Requests.Private())).IsOk);
        var credentials = fixture.Grains.GetGrain<ICustomerCredentialsGrain>(GrainKeys.Customer(_org, id));
        Assert.True((await credentials.CreateCredential(new CredentialRequest { Username = old })).IsOk);
        using (FaultyGrainStorage.FailWrites(credentials.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => credentials.ChangeCredentialUsername(new CredentialRequest { Username = wanted }));
        }

        Assert.Null(await Index(IndexKinds.LoginEmail, wanted).Owner());
        Assert.Equal(id, await Index(IndexKinds.LoginEmail, old).Owner());
    }

    [Fact]
    public async Task A_payment_method_change_whose_write_fails_leaves_its_tokenization_reference_free()
    {
        var reference = Guid.NewGuid();
        var account = fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, Guid.NewGuid()));
        Assert.True((await account.Create(OpenAccount(AccountRequests.BankTransfer()))).IsOk);
        using (FaultyGrainStorage.FailWrites(account.GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => account.ChangePaymentMethod(AccountRequests.CardReference(reference)));
        }

        Assert.Null(await Index(IndexKinds.TokenizationReference, reference.ToString("D")).Owner());
        Assert.True((await account.ChangePaymentMethod(AccountRequests.CardReference(reference))).IsOk);
    }

    [Fact]
    public async Task An_account_whose_write_is_stored_but_answered_as_failed_keeps_its_tokenization_reference()
    {
        var reference = Guid.NewGuid();
        var id = Guid.NewGuid();
        var account = fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, id));
        using (FaultyGrainStorage.FailWrites(account.GetGrainId(), afterStoring: true))
        {
            await Assert.ThrowsAsync<OrleansException>(() => account.Create(OpenAccount(AccountRequests.CardReference(reference))));
        }

        Assert.NotNull(await account.Get());
        Assert.Equal(id, await Index(IndexKinds.TokenizationReference, reference.ToString("D")).Owner());
    }

    private static OpenAccountCommand OpenAccount(PaymentMethod paymentMethod) => new()
    {
        CustomerId = Guid.NewGuid(),
        CustomerExternalId = "1",
        Request = AccountRequests.Account(paymentMethod),
        CustomerPostalAddress = null,
    };

    private IUniqueIndexGrain Index(string kind, string value) =>
        fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainClusterFixture.IndexKeys.For(_org, kind, value));

    private ICustomerGrain Customer(Guid id) => fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id));
}
