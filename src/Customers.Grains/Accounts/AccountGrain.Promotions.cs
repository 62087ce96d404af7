using System.Globalization;
using Customers.Grains.Validation;

namespace Customers.Grains.Accounts;

/// <summary>
/// Promotions on the account. A promotion's status is computed from its dates on every read; every
/// operation on one is kept in the promotion history, and each change of status by date is recorded
/// at the moment it took effect — by the account's reminder, or by a command that comes first.
/// </summary>
public sealed partial class AccountGrain
{
    private static readonly string[] ActivatedStatuses = [PromotionStatuses.Active];
    private static readonly string[] ScheduledStatuses = [PromotionStatuses.Pending];
    private static readonly string[] AllStatuses = [PromotionStatuses.Active, PromotionStatuses.Pending];

    public async Task<Outcome<PromotionView>> AddPromotion(AddPromotionRequest request)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var violations = PromotionRules.ValidateAdd(request, out var startDate, out var endDate);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        await CatchUp();
        var promotionId = request.PromotionId!.Value;
        if (FirstOverlapping(promotionId, startDate, endDate, except: null) is { } other)
        {
            return Overlaps(other);
        }

        var now = Now;
        var promotion = new PromotionRecord { Id = Guid.NewGuid(), PromotionId = promotionId, StartDate = startDate, EndDate = endDate, CreatedAt = now };
        promotion.Status = PromotionCalendar.StatusAt(promotion, now);

        // Each live promotion is state the account keeps and a date its reminder waits for.
        if (promotion.IsLive && S.LivePromotions >= Histories.MaxEntries)
        {
            return Outcome.Conflict($"the account already has {Histories.MaxEntries} pending or active promotions");
        }

        var snapshot = Snapshot();
        S.Promotions.Add(promotion);
        RecordOperation(promotion, PromotionOperations.Insert, now);
        S.UpdatedAt = now;
        Record(EventTypes.PromotionCreated, "promotions");
        await WriteScheduled(snapshot);
        await Rearm();
        return Outcome<PromotionView>.Success(ToView(promotion, now));
    }

    public Task<Outcome<List<PromotionView>>> GetPromotions(string? type)
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<List<PromotionView>>>(NotFound);
        }

        var violations = new Violations();
        var listed = PromotionRules.ListType(violations, type);
        if (violations.Any)
        {
            return Task.FromResult<Outcome<List<PromotionView>>>(violations.ToOutcome());
        }

        var shown = listed switch
        {
            PromotionListTypes.Scheduled => ScheduledStatuses,
            PromotionListTypes.All => AllStatuses,
            _ => ActivatedStatuses,
        };
        var now = Now;
        var promotions = S.Promotions.Select(p => ToView(p, now)).Where(p => shown.Contains(p.Status)).ToList();
        return Task.FromResult(Outcome<List<PromotionView>>.Success(promotions));
    }

    public async Task<Outcome> CancelPromotion(Guid promotionAccountId, CancelPromotionRequest request)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var violations = PromotionRules.ValidateCancel(request, PromotionCalendar.Day(Now), out var cancellationDate);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        if (!S.Promotions.Exists(p => p.Id == promotionAccountId))
        {
            return Outcome.NotFound("promotion not found on this account");
        }

        await CatchUp();
        var promotion = S.Promotions.Find(p => p.Id == promotionAccountId)!;
        if (promotion.Status is PromotionStatuses.Expired or PromotionStatuses.Cancelled)
        {
            return Outcome.Conflict($"the promotion is {promotion.Status} and can no longer be cancelled");
        }

        var cancels = cancellationDate < promotion.StartDate;
        if (!cancels && promotion.EndDate == cancellationDate)
        {
            return Outcome.Ok;
        }

        if (!cancels && FirstOverlapping(promotion.PromotionId, promotion.StartDate, cancellationDate, except: promotion.Id) is { } other)
        {
            return Overlaps(other);
        }

        var snapshot = Snapshot();
        var now = Now;
        promotion.EndDate = cancellationDate;
        if (cancels)
        {
            promotion.Status = PromotionStatuses.Cancelled;
        }

        RecordOperation(promotion, PromotionOperations.Update, now);
        S.UpdatedAt = now;
        Record(EventTypes.PromotionCancelled, "promotions");
        await WriteScheduled(snapshot);
        await Rearm();
        return Outcome.Ok;
    }

    public Task<Outcome<List<PromotionOperationView>>> GetPromotionHistory(string? startDate)
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<List<PromotionOperationView>>>(NotFound);
        }

        var violations = new Violations();
        var from = violations.Date(startDate, "start_date", required: false);
        if (violations.Any)
        {
            return Task.FromResult<Outcome<List<PromotionOperationView>>>(violations.ToOutcome());
        }

        var since = from is { } day ? PromotionCalendar.StartOf(day) : DateTime.MinValue;
        var history = S.PromotionOperations
            .Where(o => o.RecordedAt >= since)
            .Select(o => new PromotionOperationView
            {
                AccountId = _id,
                PromotionId = o.PromotionId,
                StartDate = o.StartDate,
                EndDate = o.EndDate,
                Status = o.Status,
                Operation = o.Operation,
            })
            .ToList();
        return Task.FromResult(Outcome<List<PromotionOperationView>>.Success(history));
    }

    /// <summary>An ended account's scheduled and active promotions end the day it does, cancelled; expired ones stay as they are.</summary>
    private void CancelPromotionsOfEndedAccount(DateTime now)
    {
        var today = PromotionCalendar.Day(now);
        foreach (var promotion in S.Promotions.Where(p => p.IsLive))
        {
            promotion.Status = PromotionStatuses.Cancelled;
            if (promotion.EndDate is null || promotion.EndDate > today)
            {
                promotion.EndDate = today;
            }

            RecordOperation(promotion, PromotionOperations.Delete, now);
        }
    }

    private void RecordOperation(PromotionRecord promotion, string operation, DateTime at) => S.PromotionOperations.Add(new PromotionOperationRecord
    {
        PromotionAccountId = promotion.Id,
        PromotionId = promotion.PromotionId,
        StartDate = promotion.StartDate,
        EndDate = promotion.EndDate,
        Status = promotion.Status,
        Operation = operation,
        RecordedAt = at,
    });

    /// <summary>A promotion of the same promotion_id, not cancelled, sharing a day with [start, end].</summary>
    private PromotionRecord? FirstOverlapping(int promotionId, DateOnly start, DateOnly? end, Guid? except) =>
        S.Promotions.Find(p => p.Id != except
            && p.PromotionId == promotionId
            && p.Status != PromotionStatuses.Cancelled
            && PromotionCalendar.Overlap(p.StartDate, p.EndDate, start, end));

    private static Outcome Overlaps(PromotionRecord other) =>
        Outcome.Conflict($"promotion_id {other.PromotionId} overlaps promotion {other.Id} of this account, from {Text(other.StartDate)} "
            + (other.EndDate is { } end ? $"to {Text(end)}" : "with no end date"));

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private PromotionView ToView(PromotionRecord promotion, DateTime now) => new()
    {
        Id = promotion.Id,
        AccountId = _id,
        PromotionId = promotion.PromotionId,
        StartDate = promotion.StartDate,
        EndDate = promotion.EndDate,
        Status = PromotionCalendar.StatusAt(promotion, now),
    };
}
