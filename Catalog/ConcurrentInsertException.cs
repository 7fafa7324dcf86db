namespace CloudFs.Catalog;

/// <summary>
/// A row this transaction read as missing was inserted meanwhile by another one, which committed
/// first (READ COMMITTED takes no lock on a row that is not there). What the transaction decided
/// rested on the row's absence, so it is rolled back and run again, and then sees the row
/// (<see cref="CatalogFailures.IsRetryable"/>). Only MariaDB gets here: SQLite has one writer.
/// </summary>
public sealed class ConcurrentInsertException(string message) : Exception(message);
