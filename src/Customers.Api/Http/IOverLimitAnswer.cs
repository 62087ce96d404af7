namespace Customers.Api.Http;

/// <summary>An endpoint's own body size limit that answers an over-long body in its own words.</summary>
public interface IOverLimitAnswer
{
    IResult OverLimit();
}
