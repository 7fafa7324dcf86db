namespace CloudFs.AccountServer;

/// <summary>The <c>AccountServer</c> config section.</summary>
public sealed class AccountServerOptions
{
    public const string Section = "AccountServer";

    /// <summary>Lifetime of auth tokens in seconds (tempauth's token_life).</summary>
    public int TokenLifeSeconds { get; set; } = 86_400;

    /// <summary>How long an admitted upload keeps its quota room before it is released, in seconds.</summary>
    public int ReservationLifeSeconds { get; set; } = 6 * 3600;

    /// <summary>PBKDF2 iterations for new password hashes (stored with each hash, so raising it later is safe).</summary>
    public int PasswordIterations { get; set; } = Core.PasswordHasher.DefaultIterations;

    /// <summary>Base of X-Storage-Url when the proxy sent no X-Forwarded-Host.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:7010";

    /// <summary>Directory of the pending-write journal; default: Server:DataDir/journal.</summary>
    public string? JournalDir { get; set; }

    /// <summary>How often the journal is replayed while it holds entries, in seconds.</summary>
    public int JournalReplaySeconds { get; set; } = 5;

    /// <summary>The journal_growing alert fires when the journal has held entries without shrinking this long, in seconds.</summary>
    public int JournalAlertSeconds { get; set; } = 60;

    /// <summary>How often /metrics' catalog backlog gauges (open reservations, garbage queue) are counted, in seconds.</summary>
    public int BacklogSampleSeconds { get; set; } = 10;

    /// <summary>How often objects past their X-Delete-At are reaped, in seconds.</summary>
    public int ReapIntervalSeconds { get; set; } = 60;

    /// <summary>A blob is collectable this long after it stopped being named (time for in-flight reads to finish), in seconds.</summary>
    public int GarbageGraceSeconds { get; set; } = 3600;

    /// <summary>Garbage rows are forgotten after this long (every object server has collected by then), in seconds.</summary>
    public int GarbageReclaimSeconds { get; set; } = 7 * 86_400;

    /// <summary>
    /// Hosts an X-Container-Sync-To URL may name, comma-separated (Swift's container server
    /// <c>allowed_sync_hosts</c>, same default). CloudFs stores the value but never syncs.
    /// </summary>
    public string AllowedSyncHosts { get; set; } = Core.ContainerSyncTo.DefaultAllowedHosts;
}
