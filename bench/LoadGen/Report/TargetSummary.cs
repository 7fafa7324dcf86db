using System.Text;

namespace CloudFs.Bench.LoadGen.Report;

/// <summary>Issue 16's targets side by side for every configuration of one run: one row per target, one column per configuration.</summary>
public static class TargetSummary
{
    public static string Build(ResultSet results)
    {
        var configs = results.Configs;
        var text = new StringBuilder();
        if (configs.Count == 0)
        {
            return text.ToString();
        }
        var checks = configs.Select(c => IssueTargets.Check(results.ForConfig(c))).ToList();
        text.Append("| target | ").AppendJoin(" | ", configs).Append(" |\n");
        text.Append("|---|").AppendJoin("", configs.Select(_ => "---|")).Append('\n');
        for (var row = 0; row < checks[0].Count; row++)
        {
            text.Append("| ").Append(checks[0][row].Target).Append(" | ")
                .AppendJoin(" | ", checks.Select(c => c[row].Met is null ? "n/a" : $"{c[row].Measured}: {c[row].Verdict}"))
                .Append(" |\n");
        }
        var met = checks.Select(c => $"{c.Count(t => t.Met == true)} of {c.Count(t => t.Met is not null)}");
        text.Append("| **targets met** (of those measured) | ").AppendJoin(" | ", met).Append(" |\n\n");
        return text.ToString();
    }
}
