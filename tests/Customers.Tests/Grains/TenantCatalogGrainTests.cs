using Customers.Grains.Catalog;
namespace Customers.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public class TenantCatalogGrainTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_customer_grain_refuses_a_special_treatment_the_org_does_not_list_without_passing_through_HTTP()
    {
        await Catalog().ReplaceSpecialTreatment(new SpecialTreatmentValues { Values = ["gold"] });
        var customer = await CreateCustomer();

        var outcome = await fixture.Grains.GetGrain<ICustomerSpecialTreatmentGrain>(GrainKeys.Customer(_org, customer)).SetSpecialTreatment(new SpecialTreatmentValues { Values = ["vip"] });

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "values[0]");
    }

    [Fact]
    public async Task A_co_hosted_caller_is_refused_more_than_500_valid_values_as_over_HTTP()
    {
        var request = new CreateCategoriesRequest
        {
            Categories = [new NewCategory { Name = "big", ValidValues = Enumerable.Range(0, 501).Select(i => (string?)$"v{i}").ToList() }],
        };

        var outcome = await Catalog().CreateCategories(request);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == "categories[0].valid_values");
    }

    [Fact]
    public async Task A_holder_that_never_stored_its_special_treatment_does_not_block_removing_the_value()
    {
        await Catalog().ReplaceSpecialTreatment(new SpecialTreatmentValues { Values = ["gold", "vip"] });
        // As if the customer's write had failed and its report back to its bucket had been lost too.
        var never = Guid.NewGuid();
        await Holders(HolderBuckets.SpecialTreatment, never).Acquire(never, "vip", previous: null);

        var outcome = await Catalog().ReplaceSpecialTreatment(new SpecialTreatmentValues { Values = ["gold"] });

        Assert.True(outcome.IsOk);
        Assert.Empty((await Catalog().Usage()).SpecialTreatment);
    }

    [Fact]
    public async Task A_holder_that_never_stored_its_category_value_does_not_block_removing_the_value()
    {
        var category = await CreateCategory("low", "high");
        var never = Guid.NewGuid();
        await Holders(HolderBuckets.CategoryScope(category), never).Acquire(never, "high", previous: null);
        var holder = await CreateCustomer();
        Assert.True((await Categories(holder).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "low" }, "tester")).IsOk);

        var refused = await Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["high"] });
        var allowed = await Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["low"] });

        Assert.Equal(OutcomeStatus.Conflict, refused.Status);
        Assert.True(allowed.IsOk);
        Assert.Equal(new Dictionary<string, int> { ["low"] = 1 }, (await Catalog().Usage()).Categories[category]);
    }

    [Fact]
    public async Task A_change_of_value_whose_write_was_never_reported_keeps_the_old_value_in_use_until_the_holder_is_asked()
    {
        var category = await CreateCategory("low", "high", "medium");
        var holder = await CreateCustomer();
        Assert.True((await Categories(holder).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "low" }, "tester")).IsOk);
        // As if a change to "high" had been recorded, the customer's write had failed, and its report back had been lost.
        await Holders(HolderBuckets.CategoryScope(category), holder).Acquire(holder, "high", previous: "low");

        var droppingLow = await Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["high", "medium"] });
        var droppingHigh = await Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["low", "medium"] });

        Assert.Equal(OutcomeStatus.Conflict, droppingLow.Status);
        Assert.True(droppingHigh.IsOk);
        Assert.Equal(new Dictionary<string, int> { ["low"] = 1 }, (await Catalog().Usage()).Categories[category]);
        Assert.Equal(OutcomeStatus.Conflict, (await Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["medium"] })).Status);
    }

    [Fact]
    public async Task A_value_left_behind_by_a_stored_change_whose_settling_was_lost_does_not_block_removing_it()
    {
        var category = await CreateCategory("low", "high");
        var holder = await CreateCustomer();
        Assert.True((await Categories(holder).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "low" }, "tester")).IsOk);
        Assert.True((await Categories(holder).UpdateCategory(category, new PatchCustomerCategoryRequest { Value = "high" }, "tester")).IsOk);
        // As if the customer's report that its change was stored had been lost.
        await Holders(HolderBuckets.CategoryScope(category), holder).Acquire(holder, "high", previous: "low");

        var outcome = await Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["high"] });

        Assert.True(outcome.IsOk);
        Assert.Equal(new Dictionary<string, int> { ["high"] = 1 }, (await Catalog().Usage()).Categories[category]);
    }

    [Fact]
    public async Task A_special_treatment_changed_by_a_customer_is_settled_so_the_old_value_can_go()
    {
        await Catalog().ReplaceSpecialTreatment(new SpecialTreatmentValues { Values = ["gold", "vip"] });
        var customer = await CreateCustomer();
        var special = fixture.Grains.GetGrain<ICustomerSpecialTreatmentGrain>(GrainKeys.Customer(_org, customer));
        Assert.True((await special.SetSpecialTreatment(new SpecialTreatmentValues { Values = ["gold"] })).IsOk);
        Assert.True((await special.SetSpecialTreatment(new SpecialTreatmentValues { Values = ["vip"] })).IsOk);

        Assert.True((await Catalog().ReplaceSpecialTreatment(new SpecialTreatmentValues { Values = ["vip"] })).IsOk);
        Assert.Equal(OutcomeStatus.Conflict, (await Catalog().ReplaceSpecialTreatment(new SpecialTreatmentValues { Values = [] })).Status);
        Assert.Equal(new Dictionary<string, int> { ["vip"] = 1 }, (await Catalog().Usage()).SpecialTreatment);
    }

    [Fact]
    public async Task Customers_taking_a_value_while_its_removal_asks_the_buckets_are_refused_or_block_it()
    {
        var category = await CreateCategory("low", "high");
        var scope = HolderBuckets.CategoryScope(category);
        // Believed holders that never stored the value, in the last buckets: asking them keeps the removal busy.
        var stale = Enumerable.Range(0, 2_000).Select(_ => Guid.NewGuid()).Where(g => HolderBuckets.Of(g) >= HolderBuckets.Count - 24).Take(400).ToList();
        await Task.WhenAll(stale.Select(g => Holders(scope, g).Acquire(g, "low", previous: null)));
        // Takers in the first buckets, which the removal has asked before they take the value.
        var takers = new List<Guid>();
        while (takers.Count < 10)
        {
            var customer = await CreateCustomer();
            if (HolderBuckets.Of(customer) < 8)
            {
                takers.Add(customer);
            }
        }

        var removal = Catalog().UpdateCategory(category, new PatchCategoryRequest { ValidValues = ["high"] });
        var takes = takers.Select(c => Categories(c).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "low" }, "tester")).ToList();
        await Task.WhenAll(takes.Append(removal));

        var held = 0;
        foreach (var customer in takers)
        {
            held += (await Categories(customer).GetCategory(category)).IsOk ? 1 : 0;
        }

        Assert.Equal(takes.Count(t => t.Result.IsOk), held);
        Assert.True(held == 0 || (await removal).Status == OutcomeStatus.Conflict, $"{held} customers hold a value the catalogue removed");
    }

    [Fact]
    public async Task Deleting_a_category_while_its_holders_take_other_categories_ends_it_on_all_of_them()
    {
        var doomed = await CreateCategory();
        var other = await CreateCategory();
        var customers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateCustomer()));
        foreach (var customer in customers)
        {
            Assert.True((await Categories(customer).AddCategory(new AddCustomerCategoryRequest { Id = doomed, Value = "a" }, "tester")).IsOk);
        }

        // Each holder waits on the catalogue while the catalogue waits on the holders.
        var deletion = Catalog().DeleteCategory(doomed, "tester");
        var takes = customers.Select(c => Categories(c).AddCategory(new AddCustomerCategoryRequest { Id = other, Value = "b" }, "tester")).ToList();
        await Task.WhenAll(takes.Append(deletion)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True((await deletion).IsOk);
        foreach (var customer in customers)
        {
            var held = await Categories(customer).GetCategories();
            Assert.Equal([other], held.Value!.Categories.Select(c => c.Id));
            var history = await Categories(customer).GetCategoryHistory();
            Assert.NotNull(history.Value!.Categories.Single(c => c.Id == doomed).HistoricalValues.Single().EndDate);
        }
    }

    [Fact]
    public async Task Deleting_a_category_whose_holder_cannot_be_written_is_stored_and_leaves_a_reminder()
    {
        var category = await CreateCategory();
        var holder = await CreateCustomer();
        Assert.True((await Categories(holder).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "a" }, "tester")).IsOk);
        using var fault = FaultyGrainStorage.FailWrites(Categories(holder).GetGrainId(), times: 100);

        var outcome = await Catalog().DeleteCategory(category, "tester");

        Assert.True(outcome.IsOk);
        Assert.Null(await Catalog().GetCategory(category));
        Assert.True(fault.Failed > 0);
        Assert.Contains(await fixture.Reminders(Catalog()), r => r.ReminderName == "category-ends");
    }

    [Fact]
    public async Task A_deleted_category_left_untold_is_ended_on_its_holder_by_the_reminder_which_then_goes()
    {
        var category = await CreateCategory();
        var holder = await CreateCustomer();
        Assert.True((await Categories(holder).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "a" }, "tester")).IsOk);
        using (FaultyGrainStorage.FailWrites(Categories(holder).GetGrainId(), times: 100))
        {
            Assert.True((await Catalog().DeleteCategory(category, "tester")).IsOk);
        }

        await Catalog().AsReference<IRemindable>().ReceiveReminder("category-ends", default);

        var history = await Categories(holder).GetCategoryHistory();
        Assert.NotNull(history.Value!.Categories.Single(c => c.Id == category).HistoricalValues.Single().EndDate);
        Assert.DoesNotContain(await fixture.Reminders(Catalog()), r => r.ReminderName == "category-ends");
    }

    [Fact]
    public async Task Deleting_a_category_whose_holders_are_all_told_leaves_no_reminder()
    {
        var category = await CreateCategory();
        var holder = await CreateCustomer();
        Assert.True((await Categories(holder).AddCategory(new AddCustomerCategoryRequest { Id = category, Value = "a" }, "tester")).IsOk);

        Assert.True((await Catalog().DeleteCategory(category, "tester")).IsOk);

        Assert.DoesNotContain(await fixture.Reminders(Catalog()), r => r.ReminderName == "category-ends");
        Assert.NotNull((await Categories(holder).GetCategoryHistory()).Value!.Categories.Single(c => c.Id == category).HistoricalValues.Single().EndDate);
    }

    private ITenantCatalogGrain Catalog() => fixture.Grains.GetGrain<ITenantCatalogGrain>(GrainKeys.TenantCatalog(_org));

    private ICatalogHoldersGrain Holders(string scope, Guid customer) => fixture.Grains.GetGrain<ICatalogHoldersGrain>(HolderBuckets.Key(_org, scope, customer));

    private ICustomerCategoriesGrain Categories(Guid customer) => fixture.Grains.GetGrain<ICustomerCategoriesGrain>(GrainKeys.Customer(_org, customer));

    private async Task<int> CreateCategory(params string[] validValues)
    {
        var created = await Catalog().CreateCategories(new CreateCategoriesRequest
        {
            Categories = [new NewCategory { Name = $"c{Guid.NewGuid():N}"[..20], ValidValues = validValues.Length > 0 ? [.. validValues] : null }],
        });
        return created.Value!.Single().Id;
    }

    private async Task<Guid> CreateCustomer()
    {
        var id = Guid.NewGuid();
        var created = await fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id)).Create(Requests.Private());
        Assert.True(created.IsOk);
        return id;
    }
}
