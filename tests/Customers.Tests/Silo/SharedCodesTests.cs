using Customers.Grains;
using Customers.Grains.Customers;
using Customers.Silo.Storage;

namespace Customers.Tests.Silo;

/// <summary>Codes read from stored rows are one string per silo; personal data never is.</summary>
public class SharedCodesTests
{
    private const string Row = """
        {"type":"PRIVATE_CUSTOMER","external_id":"7","preferred_language":"es","segment":"CONSUMER",
         "contact_info":{"phone_numbers":[{"country_code":"\u002B34","number":"615667898","type":"MOBILE"}],
           "postal_address":{"address_lines":["Calle Mayor 2"],"postal_code":"28039","locality":"Fuenlabrada","administrative_area":"Madrid","region_code":"ES"}},
         "personal_info":{"identity_document":{"number":"12345678Z","type":"NIF"},"name":"Antonio","gender":"MALE","nationality":"ES"}}
        """;

    private static readonly JsonGrainStateSerializer Serializer = new();

    private static CustomerState Read(string json) => Serializer.Deserialize<CustomerState>(new BinaryData(json));

    [Fact]
    public void The_same_code_read_from_two_rows_is_one_string()
    {
        var first = Read(Row);
        var second = Read(Row);

        Assert.Same(first.Type, second.Type);
        Assert.Same(first.Segment, second.Segment);
        Assert.Same(first.ContactInfo!.PhoneNumbers![0].CountryCode, second.ContactInfo!.PhoneNumbers![0].CountryCode);
        Assert.Same(first.PersonalInfo!.IdentityDocument!.Type, second.PersonalInfo!.IdentityDocument!.Type);
        Assert.Same(first.ContactInfo.PostalAddress!.RegionCode, second.ContactInfo.PostalAddress!.RegionCode);
    }

    [Fact]
    public void An_escaped_code_reads_as_its_text()
    {
        Assert.Equal("+34", Read(Row).ContactInfo!.PhoneNumbers![0].CountryCode);
    }

    [Fact]
    public void Personal_data_read_from_two_rows_is_never_shared()
    {
        var first = Read(Row);
        var second = Read(Row);

        Assert.NotSame(first.PersonalInfo!.Name, second.PersonalInfo!.Name);
        Assert.NotSame(first.PersonalInfo.IdentityDocument!.Number, second.PersonalInfo.IdentityDocument!.Number);
        Assert.NotSame(first.ContactInfo!.PhoneNumbers![0].Number, second.ContactInfo!.PhoneNumbers![0].Number);
    }

    [Fact]
    public void A_code_longer_than_the_limit_is_read_whole_and_not_shared()
    {
        var longCode = new string('A', SharedCodes.MaxLength + 1);
        var json = Row.Replace("\"CONSUMER\"", $"\"{longCode}\"", StringComparison.Ordinal);

        var first = Read(json);
        var second = Read(json);

        Assert.Equal(longCode, first.Segment);
        Assert.NotSame(first.Segment, second.Segment);
    }

    [Fact]
    public void A_state_written_and_read_back_keeps_its_codes()
    {
        var state = Read(Row);

        var again = Serializer.Deserialize<CustomerState>(Serializer.Serialize(state));

        Assert.Equal(("PRIVATE_CUSTOMER", "es", "CONSUMER", "MOBILE", "MALE"),
            (again.Type, again.PreferredLanguage, again.Segment, again.ContactInfo!.PhoneNumbers![0].Type, again.PersonalInfo!.Gender));
    }
}
