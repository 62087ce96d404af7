using System.Net;
using System.Text;
using Customers.Tests.Http.Credentials;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

/// <summary>One address, one owner: e-mails and usernames are NFC-normalised and invisible characters refused.</summary>
[Collection(ApiCollection.Name)]
public class UnicodeIdentityTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u00A0")]
    [InlineData("\u0007")]
    [InlineData("\u202E")]
    [InlineData("\U000E0001")]
    [InlineData("\U0001D173")]
    public async Task An_email_with_an_invisible_or_space_character_is_400_naming_the_field(string invisible)
    {
        var local = $"alice{Guid.NewGuid():N}";

        var messages = await (await api.Client().PostJson(Customers, Digital($"{local}{invisible}@example.com")))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("digital_personal_info.email:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_email_in_NFD_is_the_same_login_as_its_NFC_spelling()
    {
        var nfc = $"jos\u00E9{Guid.NewGuid():N}@example.com";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        await (await api.Client().PostJson(Customers, Digital(nfc))).AssertStatus(HttpStatusCode.Created);

        await (await api.Client().PostJson(Customers, Digital(nfd))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task An_email_given_in_NFD_is_stored_in_NFC()
    {
        var nfc = $"jos\u00E9{Guid.NewGuid():N}@example.com";

        var created = await (await api.Client().PostJson(Customers, Digital(nfc.Normalize(NormalizationForm.FormD)))).AssertStatus(HttpStatusCode.Created);
        var read = await (await api.Client().GetAsync($"{Customers}/{(string)created["id"]!}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(nfc, (string?)read["digital_personal_info"]!["email"]);
    }

    [Fact]
    public async Task A_username_with_a_zero_width_space_is_400_naming_the_field()
    {
        var credentials = new CredentialApi(api.Client());
        var customer = await credentials.CreateCustomer();

        var messages = await (await credentials.Create(customer, $"bob{Guid.NewGuid():N}\u200B@example.com")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("username:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_username_in_NFD_collides_with_its_NFC_spelling()
    {
        var credentials = new CredentialApi(api.Client());
        var nfc = $"ren\u00E9{Guid.NewGuid():N}@example.com";
        await (await credentials.Create(await credentials.CreateCustomer(), nfc)).AssertStatus(HttpStatusCode.Created);

        var second = await credentials.Create(await credentials.CreateCustomer(), nfc.Normalize(NormalizationForm.FormD));

        await second.AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    private static System.Text.Json.Nodes.JsonObject Digital(string email)
    {
        var body = Bodies.Digital();
        body["digital_personal_info"]!["email"] = email;
        return body;
    }
}
