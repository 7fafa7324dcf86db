using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>The operation history, readable by the account's owner and by admins.</summary>
public sealed class RecordService(CatalogWork work, RecordRepository records)
{
    public const int MaxLimit = 10_000;

    public async Task<Outcome<IReadOnlyList<OperationRecord>>> QueryAsync(Caller caller, RecordQuery query, CancellationToken ct)
    {
        if (!Access.CanManage(caller, query.Account))
        {
            return Access.Forbidden();
        }

        if (query.Limit is < 1 or > MaxLimit)
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, $"limit must be 1-{MaxLimit}");
        }

        var rows = await work.ReadAsync((session, token) => records.QueryAsync(session, query, token), ct);
        return Outcome<IReadOnlyList<OperationRecord>>.Success(rows);
    }
}
