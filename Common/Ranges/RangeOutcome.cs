namespace CloudFs.Common.Ranges;

/// <summary>What a Range header means for one entity.</summary>
public enum RangeOutcome
{
    /// <summary>No Range header, or one that must be ignored (bad syntax, not bytes): send everything.</summary>
    Full,

    /// <summary>One or more satisfiable ranges: answer 206.</summary>
    Partial,

    /// <summary>Well formed but no range overlaps the entity: answer 416.</summary>
    Unsatisfiable,
}
