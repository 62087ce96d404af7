using System.Security.Cryptography;
using System.Text.Json;
using Customers.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customers.Grains.Customers;

/// <summary>
/// The customer's side of its accounts. Opening and closing go through the customer because it
/// keeps the list of live accounts (a customer with live accounts cannot be deleted), and because,
/// being one single-threaded grain, it serializes concurrent creations carrying one Idempotency-Key.
/// </summary>
public sealed partial class CustomerGrain : ICustomerAccountsGrain
{
    private const int IdempotencyKeyMaxLength = 64;
    private const int AccountHolderNameMaxLength = 300;
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    public async Task<Outcome<AccountCreated>> OpenAccount(CreateAccountRequest request, string? idempotencyKey)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var key = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey;
        if (key is { Length: > IdempotencyKeyMaxLength })
        {
            return Outcome.Invalid("Idempotency-Key", $"must have at most {IdempotencyKeyMaxLength} characters");
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        // Hashed before anything normalises the request: "the same body" is the body as sent.
        var requestHash = key is null ? "" : RequestHash(request);
        if (key is not null && S.AccountCreations.Find(r => r.Key == key && now - r.CreatedAt < IdempotencyWindow) is { } earlier)
        {
            return earlier.RequestHash == requestHash
                ? Outcome<AccountCreated>.Success(new AccountCreated(earlier.AccountId, earlier.ExternalId, earlier.Pending))
                : Outcome.Conflict("the Idempotency-Key was already used with another request body");
        }

        var accountId = Guid.NewGuid();
        var account = GrainFactory.GetGrain<IAccountGrain>(GrainKeys.Account(_org, accountId));
        var created = await account.Create(new OpenAccountCommand
        {
            CustomerId = _id,
            CustomerExternalId = S.ExternalId,
            CustomerPostalAddress = S.ContactInfo?.PostalAddress,
            Request = request,
        });
        if (!created.IsOk)
        {
            return created;
        }

        var snapshot = Snapshot();
        S.AccountIds.Add(accountId);
        S.AccountHistory.Add(accountId);
        S.AccountCreations.RemoveAll(r => now - r.CreatedAt >= IdempotencyWindow);
        if (key is not null)
        {
            var value = created.Value!;
            S.AccountCreations.Add(new AccountCreationRecord
            {
                Key = key,
                RequestHash = requestHash,
                AccountId = value.Id,
                ExternalId = value.ExternalId,
                Pending = value.Pending,
                CreatedAt = now,
            });
        }

        try
        {
            await WriteOrRevert(snapshot);
        }
        catch
        {
            await DiscardUnlistedAccount(account);
            throw;
        }

        return created;
    }

    public async Task<Outcome> CloseAccount(Guid accountId)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (!S.AccountIds.Contains(accountId))
        {
            return Outcome.NotFound("account not found for this customer");
        }

        var ended = await GrainFactory.GetGrain<IAccountGrain>(GrainKeys.Account(_org, accountId)).End(_id);
        // Not found here means an earlier close ended the account but failed to update this list.
        if (!ended.IsOk && ended.Status != OutcomeStatus.NotFound)
        {
            return ended;
        }

        var snapshot = Snapshot();
        S.AccountIds.Remove(accountId);
        await WriteOrRevert(snapshot);
        return Outcome.Ok;
    }

    public Task<Outcome<List<Guid>>> ListAccounts() =>
        Task.FromResult(S.IsLive ? Outcome<List<Guid>>.Success([.. S.AccountIds]) : NotFound);

    public async Task<Outcome<List<CreditCardView>>> GetAvailableCreditCards()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var perAccount = await Task.WhenAll(S.AccountIds.Select(id => GrainFactory.GetGrain<IAccountGrain>(GrainKeys.Account(_org, id)).GetTokenizedCards()));
        var cards = perAccount
            .SelectMany(c => c)
            .Where(c => AccountRules.CardValidThrough(c.ExpirationDate) >= today)
            .OrderByDescending(c => c.CreatedAt)
            .DistinctBy(c => c.Id)
            .ToList();
        return Outcome<List<CreditCardView>>.Success(cards);
    }

    public Task<AccountHolder?> GetAccountHolder() =>
        Task.FromResult(S.IsLive ? new AccountHolder(AccountHolderName()) : null);

    /// <summary>The person's "name first_surname second_surname", or the company name.</summary>
    private string AccountHolderName()
    {
        var name = S.Type switch
        {
            CustomerTypes.Private => JoinNames(S.PersonalInfo?.Name, S.PersonalInfo?.FirstSurname, S.PersonalInfo?.SecondSurname),
            CustomerTypes.Corporate => S.CompanyInfo?.Name ?? "",
            _ => JoinNames(S.DigitalPersonalInfo?.Name, S.DigitalPersonalInfo?.FirstSurname) is { Length: > 0 } digitalName
                ? digitalName
                : S.DigitalPersonalInfo?.Email ?? "",
        };
        return name.Length <= AccountHolderNameMaxLength ? name : name[..AccountHolderNameMaxLength];
    }

    private static string JoinNames(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>
    /// An account created whose customer could not record it would be live but unreachable through
    /// its customer; it is ended rather than left behind. Best effort: storage has just failed.
    /// </summary>
    private async Task DiscardUnlistedAccount(IAccountGrain account)
    {
        try
        {
            await account.End(_id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServiceProvider.GetRequiredService<ILogger<CustomerGrain>>()
                .LogWarning(e, "Could not end account {Account}, created for customer {Customer} who could not record it", account.GetPrimaryKeyString(), _id);
        }
    }

    private static string RequestHash(CreateAccountRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));

    /// <summary>The grain's clock; the constructor that receives it lives in the other part of this class.</summary>
    private TimeProvider Clock => ServiceProvider.GetRequiredService<TimeProvider>();
}
