namespace Customers.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public class CustomerCredentialsGrainTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_grain_refuses_a_username_that_is_not_an_email_without_passing_through_HTTP()
    {
        var id = await CreateCustomer(Requests.Private());

        var outcome = await Credentials(id).CreateCredential(new CredentialRequest { Username = "not-an-email" });

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "username");
    }

    [Fact]
    public async Task A_grain_refuses_a_second_credential_and_a_taken_username()
    {
        var owner = await CreateCustomer(Requests.Private());
        Assert.True((await Credentials(owner).CreateCredential(new CredentialRequest { Username = "Ana@Example.com" })).IsOk);
        var other = await CreateCustomer(Requests.Private());

        var second = await Credentials(owner).CreateCredential(new CredentialRequest { Username = "other@example.com" });
        var taken = await Credentials(other).CreateCredential(new CredentialRequest { Username = "ana@example.COM" });

        Assert.Equal(OutcomeStatus.Conflict, second.Status);
        Assert.Equal(OutcomeStatus.Conflict, taken.Status);
    }

    [Fact]
    public async Task A_digital_customers_own_email_as_username_stays_indexed_until_neither_uses_it()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = await CreateCustomer(Requests.Digital(email));
        var directory = fixture.Grains.GetGrain<ICustomerDirectoryGrain>(_org);
        var created = await Credentials(id).CreateCredential(new CredentialRequest { Username = email });
        Assert.True(created.IsOk);

        Assert.True((await Customer(id).Update(new PatchCustomerRequest { DigitalPersonalInfo = new PatchDigitalPersonalInfo { Email = $"{Guid.NewGuid():N}@example.com" } })).IsOk);
        Assert.Equal(id, (await directory.Search(null, null, email)).Value!.Id);

        Assert.True((await Credentials(id).DeleteCredential(created.Value!.Id)).IsOk);
        Assert.Equal(OutcomeStatus.NotFound, (await directory.Search(null, null, email)).Status);
    }

    [Fact]
    public async Task A_grain_refuses_a_document_that_is_not_a_PDF_JPEG_or_PNG_without_passing_through_HTTP()
    {
        var id = await CreateCustomer(Requests.Private());

        var outcome = await fixture.Grains.GetGrain<ICustomerIdentificationGrain>(GrainKeys.Customer(_org, id)).AddIdentificationProcess(new IdentificationUpload
        {
            ProcessDate = "2023-01-27T03:44:52Z",
            DocumentType = "NIF",
            FileName = "id.pdf",
            DeclaredMediaType = "application/pdf",
            Content = "GIF89a"u8.ToArray(),
        });

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "file");
    }

    private async Task<Guid> CreateCustomer(CreateCustomerRequest request)
    {
        var id = Guid.NewGuid();
        Assert.True((await Customer(id).Create(request)).IsOk);
        return id;
    }

    private ICustomerGrain Customer(Guid id) => fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id));

    private ICustomerCredentialsGrain Credentials(Guid id) => fixture.Grains.GetGrain<ICustomerCredentialsGrain>(GrainKeys.Customer(_org, id));
}
