namespace Customers;

public enum OutcomeStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// What a grain command answers. Rule violations travel as values rather than exceptions:
/// they are expected, frequent, and must keep their field paths across the grain boundary.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome
{
    public static readonly Outcome Ok = new() { Status = OutcomeStatus.Ok };

    [Id(0)] public OutcomeStatus Status { get; init; }
    [Id(1)] public FieldError[] Errors { get; init; } = [];
    [Id(2)] public string? Message { get; init; }

    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome Invalid(IEnumerable<FieldError> errors) => new() { Status = OutcomeStatus.Invalid, Errors = errors.ToArray() };
    public static Outcome Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
    public static Outcome NotFound(string message) => new() { Status = OutcomeStatus.NotFound, Message = message };
    public static Outcome Conflict(string message) => new() { Status = OutcomeStatus.Conflict, Message = message };
}

/// <summary>An <see cref="Outcome"/> that carries a value when it is <see cref="OutcomeStatus.Ok"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>
{
    [Id(0)] public OutcomeStatus Status { get; init; }
    [Id(1)] public T? Value { get; init; }
    [Id(2)] public FieldError[] Errors { get; init; } = [];
    [Id(3)] public string? Message { get; init; }

    public bool IsOk => Status == OutcomeStatus.Ok;

    /// <summary>The same answer without its value, to pass a failure on.</summary>
    public Outcome WithoutValue() =>
        IsOk ? Outcome.Ok : new() { Status = Status, Errors = Errors, Message = Message };

    public static implicit operator Outcome<T>(Outcome failure) =>
        new() { Status = failure.Status, Errors = failure.Errors, Message = failure.Message };

    public static Outcome<T> Success(T value) => new() { Value = value };
}
