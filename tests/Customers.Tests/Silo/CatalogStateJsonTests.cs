using System.Text.Json.Nodes;
using Customers.Grains.Catalog;
using Customers.Silo.Storage;

namespace Customers.Tests.Silo;

public class CatalogStateJsonTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void A_holder_bucket_is_stored_as_plain_snake_case_JSON()
    {
        var holder = Guid.NewGuid();
        var valueless = Guid.NewGuid();
        var state = new CatalogHoldersState
        {
            Holders = { [holder] = "high", [valueless] = null },
            Leaving = { [holder] = "low" },
        };

        var text = _serializer.Serialize(state).ToString();
        var json = JsonNode.Parse(text)!;

        Assert.DoesNotContain("$type", text);
        Assert.Equal("high", (string?)json["holders"]![holder.ToString()]);
        Assert.True(json["holders"]!.AsObject().ContainsKey(valueless.ToString()));
        Assert.Equal("low", (string?)json["leaving"]![holder.ToString()]);
        var read = _serializer.Deserialize<CatalogHoldersState>(_serializer.Serialize(state));
        Assert.Equal(state.Holders, read.Holders);
        Assert.Equal(state.Leaving, read.Leaving);
    }

    [Fact]
    public void The_catalogue_is_stored_without_holders()
    {
        var state = new TenantCatalogState
        {
            Categories = [new CategoryRecord { Id = 1, Name = "risk", ValidValues = ["high"] }],
            SpecialTreatmentValues = ["vip"],
            PendingEnds = [new PendingCategoryEnd { CategoryId = 2, EndedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), Actor = "admin" }],
        };

        var text = _serializer.Serialize(state).ToString();

        Assert.DoesNotContain("holders", text);
        Assert.DoesNotContain("$type", text);
        Assert.Equal("risk", (string?)JsonNode.Parse(text)!["categories"]![0]!["name"]);
        Assert.Equal("admin", (string?)JsonNode.Parse(text)!["pending_ends"]![0]!["actor"]);
    }

}
