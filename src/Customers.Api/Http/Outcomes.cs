namespace Customers.Api.Http;

/// <summary>A grain's answer as the HTTP result: the success the endpoint names, or the contract's error envelope.</summary>
public static class Outcomes
{
    public static IResult ToResult(this Outcome outcome, Func<IResult> onSuccess) =>
        outcome.IsOk ? onSuccess() : ApiErrors.For(outcome);

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.IsOk ? onSuccess(outcome.Value!) : ApiErrors.For(outcome);

    public static async Task<IResult> ToResult(this Task<Outcome> outcome, Func<IResult> onSuccess) =>
        (await outcome).ToResult(onSuccess);

    public static async Task<IResult> ToResult<T>(this Task<Outcome<T>> outcome, Func<T, IResult> onSuccess) =>
        (await outcome).ToResult(onSuccess);

    /// <summary>200 with the value itself as the body.</summary>
    public static Task<IResult> ToOk<T>(this Task<Outcome<T>> outcome) =>
        outcome.ToResult(value => JsonAnswer.Ok(value));

    public static Task<IResult> ToNoContent(this Task<Outcome> outcome) =>
        outcome.ToResult(TypedResults.NoContent);
}
