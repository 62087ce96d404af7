using System.Globalization;
using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Events;

/// <summary>The event log's reads: the org feed and a customer's or account's audit trail [events].</summary>
public static class EventEndpoints
{
    private const string Tag = "Events";
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    // A subscription's bounds for its types, so any subscription's filter can be read from the feed too.
    private const int MaxPrefixes = 50;
    private const int MaxPrefixCharacters = 255;

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder org)
    {
        var events = org.MapGroup("")
            .Tagged(Tag, "The event log: one thin event per change (what changed, never values), in its org's feed by position (events:read).")
            .RequiresPermission("events");
        events.MapGet("/events", Feed)
            .Describe("listEvents", "Read the org's event feed", "Events in position order after `after` (default 0), at most `limit` (1..200, default 50), optionally only those whose type starts with one of the comma-separated `types`. `next_after` is the last position returned; a reader paging by it never misses an event.")
            .Produces<EventPageResponse>();
        events.MapGet("/customers/{customer_id}/events", OfCustomer)
            .Describe("listCustomerEvents", "Read a customer's audit trail", "The events of the customer and its accounts, in position order, paged as the org feed. 404 once the customer is deleted or erased, like its other reads; its events stay in the org feed.")
            .Produces<EventPageResponse>();
        events.MapGet("/accounts/{account_id}/events", OfAccount)
            .Describe("listAccountEvents", "Read an account's audit trail", "The events of the account, in position order, paged as the org feed. 404 once the account is closed; its events stay in its customer's trail and the org feed.")
            .Produces<EventPageResponse>();
        return org;
    }

    private static async Task<IResult> Feed(
        [FromRoute(Name = "org_id")] string org,
        [FromQuery(Name = "after")] string? after,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "types")] string? types,
        IEventFeed feed,
        CancellationToken cancellationToken)
    {
        var (from, size, error) = Paging(after, limit);
        if (error is not null)
        {
            return error;
        }

        var prefixes = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (prefixes.Length > MaxPrefixes || prefixes.Any(p => p.EnumerateRunes().Count() > MaxPrefixCharacters))
        {
            return ApiErrors.BadRequest($"types: at most {MaxPrefixes} prefixes of at most {MaxPrefixCharacters} characters");
        }

        var page = await feed.ReadOrg(org, from, size, prefixes, cancellationToken);
        return JsonAnswer.Ok(EventPageResponse.From(page));
    }

    // Like every other read of a customer or an account, its trail is 404 once the customer is
    // deleted or erased or the account closed; its events stay in the org feed and the export.
    private static Task<IResult> OfCustomer(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromQuery(Name = "after")] string? after,
        [FromQuery(Name = "limit")] string? limit,
        IEventFeed feed,
        IGrainFactory grains,
        CancellationToken cancellationToken) =>
        Ids.With(customerId, "customer_id", id => PageOf(
            after,
            limit,
            (from, size) => feed.ReadCustomer(org, id, from, size, cancellationToken),
            async () => await grains.Ref<ICustomerGrain>(GrainKeys.Customer(org, id)).Get() is not null,
            "customer not found"));

    private static Task<IResult> OfAccount(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        [FromQuery(Name = "after")] string? after,
        [FromQuery(Name = "limit")] string? limit,
        IEventFeed feed,
        IGrainFactory grains,
        CancellationToken cancellationToken) =>
        Ids.With(accountId, "account_id", id => PageOf(
            after,
            limit,
            (from, size) => feed.ReadAccount(org, id, from, size, cancellationToken),
            async () => await grains.Ref<IAccountGrain>(GrainKeys.Account(org, id)).Get() is not null,
            "account not found"));

    /// <summary>One page of a customer's or account's events; 404 unless it <paramref name="exists"/>.</summary>
    private static async Task<IResult> PageOf(
        string? after,
        string? limit,
        Func<long, int, Task<EventPage>> read,
        Func<Task<bool>> exists,
        string notFound)
    {
        var (from, size, error) = Paging(after, limit);
        if (error is not null)
        {
            return error;
        }

        if (!await exists())
        {
            return ApiErrors.NotFound(notFound);
        }

        return JsonAnswer.Ok(EventPageResponse.From(await read(from, size)));
    }

    private static (long After, int Limit, IResult? Error) Paging(string? after, string? limit)
    {
        var errors = new List<string>();
        long from = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from < 0))
        {
            errors.Add("after: must be a position, a whole number of at least 0");
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxLimit))
        {
            errors.Add($"limit: must be a whole number from 1 to {MaxLimit}");
        }

        return (from, size, errors.Count > 0 ? ApiErrors.BadRequest(errors) : null);
    }
}
