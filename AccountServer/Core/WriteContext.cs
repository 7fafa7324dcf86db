using CloudFs.Common.Time;

namespace CloudFs.AccountServer.Core;

/// <summary>What every catalog write carries: who asked, the request's transaction id and timestamp.</summary>
public sealed record WriteContext(Caller Caller, string TransId, Timestamp Timestamp);
