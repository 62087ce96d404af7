namespace Customers.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public class CustomerGrainTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_grain_refuses_a_NIF_with_a_wrong_control_letter_without_passing_through_HTTP()
    {
        var outcome = await Customer().Create(Requests.Private("12345678A"));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "personal_info.identity_document.number");
    }

    [Fact]
    public async Task External_ids_are_increasing_per_org()
    {
        var first = await Customer().Create(Requests.Private());
        var second = await Customer().Create(Requests.Private());

        Assert.True(long.Parse(second.Value!.ExternalId) > long.Parse(first.Value!.ExternalId));
    }

    [Fact]
    public async Task The_same_customer_id_cannot_be_created_twice()
    {
        var grain = Customer();
        Assert.True((await grain.Create(Requests.Private())).IsOk);

        var again = await grain.Create(Requests.Private());

        Assert.Equal(OutcomeStatus.Conflict, again.Status);
    }

    [Fact]
    public async Task Converting_a_NIE_moves_the_document_index_to_the_NIF()
    {
        var nie = Requests.UniqueNie();
        var grain = Customer();
        var created = await grain.Create(Requests.Private(nie, IdentityDocumentTypes.Nie));
        var nif = Requests.UniqueNif();

        Assert.True((await grain.ConvertNieToNif(new ConvertNieToNifRequest { Nif = nif })).IsOk);

        var directory = fixture.Grains.GetGrain<ICustomerDirectoryGrain>(_org);
        Assert.Equal(OutcomeStatus.NotFound, (await directory.Search(nie, "NIE", null)).Status);
        Assert.Equal(created.Value!.Id, (await directory.Search(nif, "NIF", null)).Value!.Id);
    }

    [Fact]
    public async Task When_no_contact_item_is_default_the_first_one_is()
    {
        var request = Requests.Private();
        request.ContactInfo!.Emails = [new EmailAddress { Email = "a@example.com" }, new EmailAddress { Email = "b@example.com" }];
        var grain = Customer();
        await grain.Create(request);

        var view = await grain.Get();

        Assert.Equal([true, false], view!.ContactInfo!.Emails!.Select(e => e.IsDefault == true));
    }

    private ICustomerGrain Customer() => fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, Guid.NewGuid()));
}
