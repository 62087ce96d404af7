using System.Text.Json.Serialization;

namespace Customers;

/// <summary>A promotion on an account, its status computed from its dates at the moment of the read.</summary>
[GenerateSerializer]
public sealed class PromotionView
{
    /// <summary>The promotion relation's own id.</summary>
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid AccountId { get; set; }
    [Id(2)] public int PromotionId { get; set; }
    [Id(3)] public DateOnly StartDate { get; set; }
    [Id(4)] public DateOnly? EndDate { get; set; }
    [Id(5)] public string Status { get; set; } = "";
}

/// <summary>One operation on an account's promotions: the promotion as it was right after it.</summary>
[GenerateSerializer]
public sealed class PromotionOperationView
{
    [Id(0)] public Guid AccountId { get; set; }
    [Id(1)] public int PromotionId { get; set; }
    [Id(2)] public DateOnly StartDate { get; set; }

    /// <summary>Null for an open-ended promotion; an operation always lists it.</summary>
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public DateOnly? EndDate { get; set; }
    [Id(4)] public string Status { get; set; } = "";
    [Id(5)] public string Operation { get; set; } = "";
}

public static class PromotionStatuses
{
    public const string Pending = "PENDING";
    public const string Active = "ACTIVE";
    public const string Expired = "EXPIRED";
    public const string Cancelled = "CANCELLED";
}

public static class PromotionOperations
{
    public const string Insert = "INSERT";
    public const string Update = "UPDATE";

    /// <summary>The promotion was cancelled because its account ended.</summary>
    public const string Delete = "DELETE";
}

/// <summary>The <c>account_promotion_type</c> filter of a promotion list.</summary>
public static class PromotionListTypes
{
    public const string Activated = "ACTIVATED";

    /// <summary>A synonym of <see cref="Activated"/>.</summary>
    public const string Active = "ACTIVE";

    public const string Scheduled = "SCHEDULED";
    public const string All = "ALL";
}
