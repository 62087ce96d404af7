using Customers.Api.Accounts;
using Customers.Api.Auth;
using Customers.Api.Contracts;
using Customers.Api.Events;
using Customers.Api.Http;
using Customers.Api.Identification;
using Customers.Api.OpenApi;
using Customers.Api.Tokenization;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Privacy;

/// <summary>Contract §14: everything held about a customer, and its erasure.</summary>
public static class PrivacyEndpoints
{
    private const string Tag = "Customer data on demand";

    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder org)
    {
        var customer = org.MapGroup("/customers/{customer_id}")
            .Tagged(Tag, "Everything held about a customer, and its erasure, for data-subject requests (privacy:read, privacy:write).")
            .RequiresPermission("privacy");
        customer.MapGet("/export", Export)
            .Describe("exportCustomerData", "Export a customer's data", "Everything held about the customer, each part in the shape of its own GET: the customer, every account it ever had with its histories, tokenizations, promotions, contracts and the cards tokenized on it (credit_cards, expired ones included), categories and their history, special treatment, credentials and identification processes (documents with a fresh public_url). A deleted customer exports until erased.")
            .Produces<CustomerExportResponse>();
        customer.MapDelete("/data", Erase)
            .Describe("eraseCustomerData", "Erase a customer's data", "Erases the customer's personal data, live or deleted: its and its accounts' stored state, document bytes, history and unique values (freed for reuse). Completes by itself if interrupted; afterwards every read of the customer is 404. A second call is 204.")
            .Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static Task<IResult> Export(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        HttpRequest request,
        IGrainFactory grains,
        IEventFeed feed,
        DocumentUrlSigner signer,
        CancellationToken cancellationToken) =>
        Ids.With(customerId, "customer_id", async id =>
        {
            var outcome = await grains.Ref<ICustomerPrivacyGrain>(GrainKeys.Customer(org, id)).Export();
            return outcome.IsOk ? await Assemble(org, id, outcome.Value!, request, grains, feed, signer, cancellationToken) : ApiErrors.For(outcome);
        });

    private static async Task<IResult> Assemble(
        string org,
        Guid id,
        CustomerExport export,
        HttpRequest request,
        IGrainFactory grains,
        IEventFeed feed,
        DocumentUrlSigner signer,
        CancellationToken cancellationToken)
    {
        var accounts = await Task.WhenAll(export.AccountIds.Select(a =>
            grains.Ref<IAccountPrivacyGrain>(GrainKeys.Account(org, a)).Export(id)));
        return JsonAnswer.Ok(new CustomerExportResponse(
            export.Customer,
            [.. accounts.OfType<AccountExport>().OrderBy(a => a.Account.CreatedAt).Select(ToResponse)],
            export.Categories,
            export.CategoriesHistory,
            export.SpecialTreatment,
            export.Credentials,
            new IdentificationProcessesExport([.. export.IdentificationProcesses.Select(p =>
                IdentificationEndpoints.ToResponse(p, signer.Sign(request, org, p.Document.DocumentId)))]),
            await AuditTrail(feed, org, id, cancellationToken)));
    }

    /// <summary>Every event of the customer and its accounts, page after page, as the customer's events GET answers them.</summary>
    private static async Task<EventPageResponse> AuditTrail(IEventFeed feed, string org, Guid customer, CancellationToken cancellationToken)
    {
        const int Page = 200;
        var events = new List<EventResponse>();
        long after = 0;
        while (true)
        {
            var page = await feed.ReadCustomer(org, customer, after, Page, cancellationToken);
            events.AddRange(page.Events.Select(EventResponse.From));
            if (page.Events.Count < Page || page.NextAfter is not { } next)
            {
                return new EventPageResponse(events, events.Count > 0 ? events[^1].Position : null);
            }

            after = next;
        }
    }

    private static Task<IResult> Erase(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => grains.Ref<ICustomerPrivacyGrain>(GrainKeys.Customer(org, id)).Erase().ToNoContent());

    private static AccountExportResponse ToResponse(AccountExport account) => new(
        account.Account,
        account.BillingAddressHistory,
        new PaymentMethodHistoryResponse(account.PaymentMethodHistory),
        new TokenizationEndpoints.TokenizationRequestsResponse(account.TokenizationRequests),
        account.Promotions,
        account.PromotionsHistory,
        new ContractEndpoints.ContractsResponse(account.Contracts),
        account.CreditCards);
}
