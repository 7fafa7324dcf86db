namespace CloudFs.Common.Policies;

/// <summary>
/// One storage policy: its index (stored with each container), its names (the first is the
/// canonical one Swift shows; the rest are aliases) and its flags. Policy 0 routes objects by
/// <c>object.ring</c>, policy N by <c>object-N.ring</c>.
/// </summary>
public sealed record StoragePolicy(int Index, IReadOnlyList<string> Names, bool IsDefault, bool IsDeprecated)
{
    public string Name => Names[0];

    /// <summary>Every name joined as Swift's /info shows them ("silver, gold").</summary>
    public string AliasesText => string.Join(", ", Names);

    /// <summary>The object ring's role name: "object" for index 0, else "object-N" (Swift's ring names).</summary>
    public string ObjectRingRole => ObjectRingRoleFor(Index);

    public static string ObjectRingRoleFor(int index) =>
        index == 0 ? "object" : "object-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
