namespace Customers.Api.Http;

public static class Outcomes
{
    public static IResult ToResult(this Outcome outcome, Func<IResult> onSuccess) =>
        outcome.IsOk ? onSuccess() : ApiErrors.For(outcome);

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.IsOk ? onSuccess(outcome.Value!) : ApiErrors.For(outcome);
}
