using System.Globalization;

namespace CloudFs.Bench.LoadGen.Suite;

/// <summary>
/// <c>loadgen suite --out FILE [--config NAME] [--quick] [--runs N] [--only a,b] [--warmup SECONDS] [--user U --key K]
/// --target NAME=AUTH_URL[@SESSION,SESSION...] ... [--ceiling NAME=AUTH_URL]</c>
/// </summary>
public sealed class SuiteOptions
{
    public required string Out { get; init; }
    /// <summary>The configuration every line is stamped with (bench/run.sh --config), or null.</summary>
    public string? Config { get; init; }
    public bool Quick { get; init; }
    public int Runs { get; init; } = 3;
    /// <summary>Seconds of untimed traffic to every target before the first workload (Workloads/ServerWarmUp); 0: none.</summary>
    public double WarmUpSeconds { get; init; } = 30;
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();
    public string User { get; init; } = "test:tester";
    public string Key { get; init; } = "testing";
    public required IReadOnlyList<Target> Targets { get; init; }

    public bool Includes(string workload) => Only.Count == 0 || Only.Contains(workload);

    public static SuiteOptions Parse(IReadOnlyList<string> args)
    {
        string? output = null, config = null, user = null, key = null;
        var quick = false;
        var runs = 3;
        double? warmUp = null;
        var only = new HashSet<string>(StringComparer.Ordinal);
        var targets = new List<Target>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--out": output = Value(); break;
                case "--config": config = Value(); break;
                case "--quick": quick = true; break;
                case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--only": only.UnionWith(Value().Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                case "--warmup": warmUp = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--user": user = Value(); break;
                case "--key": key = Value(); break;
                case "--target": targets.Add(ParseTarget(Value(), storageOnly: false)); break;
                case "--ceiling": targets.Add(ParseTarget(Value(), storageOnly: true)); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new SuiteOptions
        {
            Out = output ?? throw new ArgumentException("--out is required"),
            Config = config,
            Quick = quick,
            Runs = Math.Max(1, runs),
            WarmUpSeconds = Math.Max(0, warmUp ?? (quick ? 20 : 30)),
            Only = only,
            User = user ?? "test:tester",
            Key = key ?? "testing",
            Targets = targets.Count > 0 ? targets : throw new ArgumentException("at least one --target is required"),
        };
    }

    private static Target ParseTarget(string text, bool storageOnly)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0)
        {
            throw new ArgumentException($"target '{text}' is not NAME=AUTH_URL[@SESSIONS]");
        }
        string name = text[..eq], rest = text[(eq + 1)..];
        var at = rest.LastIndexOf('@');
        var sessions = new HashSet<int>();
        if (at > 0)
        {
            foreach (var s in rest[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                sessions.Add(int.Parse(s, CultureInfo.InvariantCulture));
            }
            rest = rest[..at];
        }
        return new Target(name, new Uri(rest), sessions, storageOnly);
    }
}
