namespace Customers.Api.Catalog;

public static class CatalogEndpoints
{
    /// <summary>Categories, customer categories and special treatment: everything the org's catalogue backs.</summary>
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder org) =>
        org.MapCategoryEndpoints()
            .MapCustomerCategoryEndpoints()
            .MapSpecialTreatmentEndpoints();
}
