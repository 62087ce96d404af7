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

        var index = fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainKeys.Index(_org, IndexKinds.TokenizationReference, reference.ToString("D")));
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
        var index = fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainKeys.Index(_org, IndexKinds.LoginEmail, email));
        Assert.Equal(ownerId, await index.Owner());
    }

    private ICustomerGrain Customer(Guid id) => fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id));
}
