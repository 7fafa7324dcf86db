using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Outcome → IResult: errors through the one mapping table, successes by the given function.</summary>
public static class OutcomeResults
{
    public static IResult Map<T>(Outcome<T> outcome, Func<T, IResult> success) =>
        outcome.IsSuccess ? success(outcome.Value) : ErrorResults.From(outcome.Error);
}
