using Orleans.Placement;
using System.Security.Cryptography;
using Customers.Grains.Validation;
using Microsoft.Extensions.Options;

namespace Customers.Grains.Events;

/// <summary>An org's webhook subscriptions, keyed <c>{org}/webhooks</c>; each is delivered by its own grain.</summary>
[PreferLocalPlacement]
public sealed class WebhookRegistryGrain(
    [PersistentState("webhooks", StorageNames.Default)] IPersistentState<WebhookRegistryState> state,
    IEventStore store,
    TimeProvider time,
    IOptions<EventsOptions> options) : Grain, IWebhookRegistryGrain
{
    private const int MaxTypes = 50;

    /// <summary>The registry is one stored row, and each subscription a delivery loop of its own: neither grows without bound.</summary>
    public const int MaxSubscriptions = 100;

    private string Org => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().IndexOf('/')];

    public async Task<Outcome<WebhookSubscriptionView>> Subscribe(SubscribeRequest request)
    {
        var v = new Violations();
        if (await CallbackAddresses.Check(request.Callback, options.Value.AllowPrivateCallbacks) is { } problem)
        {
            v.Add("callback", problem);
        }

        var types = request.Types ?? [];
        if (types.Count > MaxTypes)
        {
            v.Add("types", $"must have at most {MaxTypes} items");
        }

        for (var i = 0; i < types.Count && i < MaxTypes; i++)
        {
            if (string.IsNullOrWhiteSpace(types[i]) || Text.Characters(types[i]) > SharedRules.MaxFreeText)
            {
                v.Add($"types[{i}]", $"must be a non-empty type prefix of at most {SharedRules.MaxFreeText} characters");
            }
        }

        if (request.Secret is { } given && (given.Length == 0 || Text.Characters(given) > SharedRules.MaxFreeText))
        {
            v.Add("secret", $"must be 1 to {SharedRules.MaxFreeText} characters");
        }

        if (v.Any)
        {
            return v.ToOutcome();
        }

        if (state.State.Subscriptions.Count >= MaxSubscriptions)
        {
            return Outcome.Conflict($"the org already has {MaxSubscriptions} subscriptions");
        }

        // Delivery starts after the feed's last position now: the past is read from the feed.
        await GrainFactory.Ref<IEventSequencerGrain>(Org).SequenceNow();
        var subscription = new WebhookSubscriptionState
        {
            Callback = request.Callback!,
            Types = types.Distinct(StringComparer.Ordinal).ToList(),
            Secret = request.Secret ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            DeliveredThrough = await store.LastPosition(Org),
        };

        var id = Guid.NewGuid();
        state.State.Subscriptions.Add(id);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Subscriptions.Remove(id);
            throw;
        }

        await Subscription(id).Start(subscription);
        var view = (await Subscription(id).Get())!;
        view.Secret = subscription.Secret;
        return Outcome<WebhookSubscriptionView>.Success(view);
    }

    public async Task<List<WebhookSubscriptionView>> List()
    {
        var views = await Task.WhenAll(state.State.Subscriptions.Select(id => Subscription(id).Get()));
        return views.OfType<WebhookSubscriptionView>().ToList();
    }

    public async Task<Outcome<WebhookSubscriptionView>> Get(Guid id) =>
        state.State.Subscriptions.Contains(id) && await Subscription(id).Get() is { } view
            ? Outcome<WebhookSubscriptionView>.Success(view)
            : NotFound;

    public async Task<Outcome> Unsubscribe(Guid id)
    {
        if (!state.State.Subscriptions.Contains(id))
        {
            return NotFound;
        }

        await Subscription(id).Stop();
        state.State.Subscriptions.Remove(id);
        await state.WriteStateAsync();
        return Outcome.Ok;
    }

    private static Outcome NotFound => Outcome.NotFound("subscription not found");

    private IWebhookSubscriptionGrain Subscription(Guid id) =>
        GrainFactory.Ref<IWebhookSubscriptionGrain>(GrainKeys.WebhookSubscription(Org, id));
}
