namespace CloudFs.ContainerServer.Data;

/// <summary>COUNT and SUM(size) of a range of object rows (MariaDB's SUM is a DECIMAL).</summary>
public sealed class TotalsRow
{
    public long Objects { get; set; }

    public decimal Bytes { get; set; }
}
