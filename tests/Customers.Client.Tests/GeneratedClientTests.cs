using Customers.Tests.Http.Identification;
using Customers.Tests.Infrastructure;
using Typed = Customers.Client;

namespace Customers.Client.Tests;

/// <summary>The typed client generated from clients/openapi.json, driven against the real service.</summary>
[Collection(ClientApiCollection.Name)]
public class GeneratedClientTests(ApiHostFixture api)
{
    private const string Org = TestKeys.Org;

    [Fact]
    public async Task A_customer_created_through_the_generated_client_reads_back_through_it()
    {
        var client = new Typed.CustomersClient(api.Client());
        var nif = Bodies.UniqueNif();

        var created = await client.CreateCustomerAsync(Org, PrivateCustomer(nif));
        var customer = await client.GetCustomerAsync(Org, created.Id);
        var found = await client.SearchCustomerAsync(Org, nif, Typed.IdentityDocumentType.NIF, null);

        Assert.Equal(created.Id, customer.Id);
        Assert.Equal(Typed.CustomerType.PRIVATE_CUSTOMER, customer.Type);
        Assert.Equal(nif, customer.Personal_info!.Identity_document!.Number);
        Assert.Equal(created.External_id, found.Customer.External_id);
    }

    [Fact]
    public async Task An_account_opened_and_changed_through_the_generated_client_reads_back_with_its_payment_method()
    {
        var client = new Typed.CustomersClient(api.Client());
        var customer = await client.CreateCustomerAsync(Org, PrivateCustomer(Bodies.UniqueNif()));
        var customerId = customer.Id;

        var opened = await client.CreateAccountAsync(Org, customerId, null, new Typed.CreateAccountRequest
        {
            Modality = Typed.NewAccountModality.POSTPAID,
            Payment_method = new Typed.PaymentMethod { Type = Typed.PaymentMethodType.DIRECT_DEBIT, Details = new Typed.PaymentMethodDetails { Iban = "ES7921000813610123456789" } },
        });
        await client.UpdatePaymentMethodAsync(Org, opened.Id, new Typed.PaymentMethod { Type = Typed.PaymentMethodType.BANK_TRANSFER, Details = new Typed.PaymentMethodDetails() });
        var account = await client.GetAccountAsync(Org, opened.Id);
        var accounts = await client.ListCustomerAccountsAsync(Org, customerId);

        Assert.Equal(customer.Id, account.Customer_id);
        Assert.Equal(Typed.AccountModality.POSTPAID, account.Modality);
        Assert.Equal(Typed.PaymentMethodType.BANK_TRANSFER, account.Payment_method!.Type);
        Assert.Equal("28039", account.Billing_address!.Postal_code);
        Assert.Contains(accounts.Accounts, a => a.Id == opened.Id);
    }

    [Fact]
    public async Task A_document_uploaded_through_the_generated_client_downloads_byte_identical()
    {
        var http = api.Client();
        var client = new Typed.CustomersClient(http);
        var customer = (await client.CreateCustomerAsync(Org, PrivateCustomer(Bodies.UniqueNif()))).Id;
        var bytes = Documents.Png(20_000);

        using var file = new MemoryStream(bytes);
        var created = await client.CreateIdentificationProcessAsync(Org, customer, "2023-01-27T03:44:52Z", Typed.IdentityDocumentType.NIE, new Typed.FileParameter(file, "front.png", "image/png"));
        var process = await client.GetIdentificationProcessAsync(Org, customer, created.Process_id);

        Assert.Equal(new DateTimeOffset(2023, 1, 27, 3, 44, 52, TimeSpan.Zero), process.Process_date);
        Assert.Equal("NIE", process.Document!.Type);
        Assert.Equal("image/png", process.Document.Media_type);
        Assert.Equal(bytes.Length, process.Document.Size_bytes);
        Assert.Equal(bytes, await http.GetByteArrayAsync(process.Document.Public_url));
    }

    [Fact]
    public async Task A_missing_customer_surfaces_as_a_typed_404_carrying_the_error_envelope()
    {
        var client = new Typed.CustomersClient(api.Client());

        var error = await Assert.ThrowsAsync<Typed.CustomersApiException<Typed.ErrorEnvelope>>(() => client.GetCustomerAsync(Org, Guid.NewGuid()));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("MCUS.999.997", error.Result.Errors!.Single().Error!.Code);
    }

    [Fact]
    public async Task A_key_without_the_write_permission_surfaces_as_a_typed_403()
    {
        var client = new Typed.CustomersClient(api.Client(TestKeys.CustomersReader));

        var error = await Assert.ThrowsAsync<Typed.CustomersApiException<Typed.ErrorEnvelope>>(() => client.CreateCustomerAsync(Org, PrivateCustomer(Bodies.UniqueNif())));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("MCUS.999.995", error.Result.Errors!.Single().Error!.Code);
    }

    private static Typed.CreateCustomerRequest PrivateCustomer(string nif) => new()
    {
        Type = Typed.CustomerType.PRIVATE_CUSTOMER,
        Preferred_language = "es",
        Segment = Typed.CustomerSegment.CONSUMER,
        Contact_info = new Typed.ContactInfo
        {
            Phone_numbers = [new Typed.PhoneNumber { Country_code = "+34", Number = "615667898", Type = Typed.PhoneNumberType.MOBILE, Is_default = true }],
            Postal_address = new Typed.Address
            {
                Address_lines = ["Calle Mayor 2, 3º A"],
                Postal_code = "28039",
                Locality = "Fuenlabrada",
                Administrative_area = "Madrid",
                Region_code = "ES",
            },
        },
        Personal_info = new Typed.PersonalInfo
        {
            Identity_document = new Typed.IdentityDocument { Number = nif, Type = Typed.IdentityDocumentType.NIF },
            Name = "Antonio",
            First_surname = "Benavente",
            Gender = Typed.Gender.MALE,
            Nationality = "ES",
            Birthdate = "1980-01-01",
        },
    };
}
