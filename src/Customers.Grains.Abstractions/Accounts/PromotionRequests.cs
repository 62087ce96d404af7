namespace Customers;

/// <summary>A promotion to add to an account; dates are <c>yyyy-MM-dd</c> UTC days.</summary>
[GenerateSerializer]
public sealed class AddPromotionRequest
{
    [Id(0)] public int? PromotionId { get; set; }
    [Id(1)] public string? StartDate { get; set; }

    /// <summary>Absent: the promotion runs until it is cancelled.</summary>
    [Id(2)] public string? EndDate { get; set; }
}

/// <summary>The day a promotion of an account ends (<c>yyyy-MM-dd</c>); before its start it cancels it.</summary>
[GenerateSerializer]
public sealed class CancelPromotionRequest
{
    [Id(0)] public string? CancellationDate { get; set; }
}
