using System.Security.Cryptography;
using System.Text.Json;
using Customers.Grains.Validation;

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

    /// <summary>Longer than any call creating the account may take to arrive (Orleans' response timeout is 30 s).</summary>
    private static readonly TimeSpan OpeningGrace = TimeSpan.FromMinutes(2);

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

        var now = time.GetUtcNow().UtcDateTime;
        // Hashed before anything normalises the request: "the same body" is the body as sent.
        var requestHash = key is null ? "" : RequestHash(request);
        if (key is not null && S.AccountCreations.Find(r => r.Key == key && now - r.CreatedAt < IdempotencyWindow) is { } earlier)
        {
            return earlier.RequestHash == requestHash
                ? Outcome<AccountCreated>.Success(new AccountCreated(earlier.AccountId, earlier.ExternalId, earlier.Pending))
                : KeyReused;
        }

        var opening = key is null ? null : S.Openings.Find(o => o.Key == key && now - o.StartedAt < IdempotencyWindow);
        if (opening is not null && opening.RequestHash != requestHash)
        {
            return KeyReused;
        }

        var resumed = opening is not null;
        if (opening is null)
        {
            opening = new AccountOpening
            {
                AccountId = Guid.NewGuid(),
                Key = key,
                RequestHash = requestHash,
                StartedAt = now,
            };
            var snapshot = Snapshot();
            S.Openings.Add(opening);
            S.AccountCreations.RemoveAll(r => now - r.CreatedAt >= IdempotencyWindow);
            await WriteOrRevert(snapshot);
        }

        // A retry after a failure or a timeout resumes the same account: created already, or created now.
        var account = GrainFactory.Ref<IAccountGrain>(GrainKeys.Account(_org, opening.AccountId));
        var created = resumed && await account.Get() is { } existing && existing.CustomerId == _id
            ? Outcome<AccountCreated>.Success(Created(existing))
            : await account.Create(new OpenAccountCommand
            {
                CustomerId = _id,
                CustomerExternalId = S.ExternalId,
                CustomerPostalAddress = S.ContactInfo?.PostalAddress?.ToPostal(),
                Request = request,
            });

        var settled = Snapshot();
        S.Openings.RemoveAll(o => o.AccountId == opening.AccountId);
        if (created.IsOk)
        {
            List(opening, created.Value!, now);
        }

        await WriteOrRevert(settled);
        return created;
    }

    public async Task<Outcome> CloseAccount(Guid accountId)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        await SettleOpenings();
        if (!S.AccountIds.Contains(accountId))
        {
            return Outcome.NotFound("account not found for this customer");
        }

        var ended = await GrainFactory.Ref<IAccountGrain>(GrainKeys.Account(_org, accountId)).End(_id);
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

    public async Task<Outcome<List<Guid>>> ListAccounts()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        await SettleOpenings();
        return Outcome<List<Guid>>.Success([.. S.AccountIds]);
    }

    public async Task<Outcome<List<CreditCardView>>> GetAvailableCreditCards()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        await SettleOpenings();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var perAccount = await Task.WhenAll(S.AccountIds.Select(id => GrainFactory.Ref<IAccountGrain>(GrainKeys.Account(_org, id)).GetTokenizedCards()));
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
        return Text.Cut(name, AccountHolderNameMaxLength);
    }

    private static string JoinNames(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>
    /// Openings left behind by a failure: an account that exists joins the list; one that does not
    /// is dropped once no creation of it can still be on its way.
    /// </summary>
    private async Task SettleOpenings()
    {
        if (S.Openings.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var snapshot = Snapshot();
        foreach (var opening in S.Openings.ToList())
        {
            var account = await GrainFactory.Ref<IAccountGrain>(GrainKeys.Account(_org, opening.AccountId)).Get();
            if (account is not null && account.CustomerId == _id)
            {
                S.Openings.Remove(opening);
                List(opening, Created(account), now);
            }
            else if (now - opening.StartedAt >= OpeningGrace)
            {
                S.Openings.Remove(opening);
            }
        }

        if (S.Openings.Count != snapshot.Openings.Count)
        {
            await WriteOrRevert(snapshot);
        }
    }

    /// <summary>What the creation of an existing account answered: pending while its first card is still being tokenized.</summary>
    private static AccountCreated Created(AccountView account) => new(account.Id, account.ExternalId, account.PaymentMethod is null);

    private void List(AccountOpening opening, AccountCreated created, DateTime now)
    {
        S.AccountIds.Add(opening.AccountId);
        S.AccountHistory.Add(opening.AccountId);
        if (opening.Key is { } key)
        {
            S.AccountCreations.Add(new AccountCreationRecord
            {
                Key = key,
                RequestHash = opening.RequestHash,
                AccountId = opening.AccountId,
                ExternalId = created.ExternalId,
                Pending = created.Pending,
                CreatedAt = now,
            });
        }
    }

    private static Outcome KeyReused => Outcome.Conflict("the Idempotency-Key was already used with another request body");

    private static string RequestHash(CreateAccountRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}
