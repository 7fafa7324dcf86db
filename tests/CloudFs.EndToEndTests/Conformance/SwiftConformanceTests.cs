using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// Replays every case of tests/Conformance (what Swift 2.30.1 answered through its full proxy
/// pipeline) against one real CloudFs cluster per database and expects the same answers, by
/// shape where values must differ. A case in pending.json must still differ (the list only
/// shrinks); on-purpose.json overrides the fields CloudFs answers differently on purpose.
/// With CLOUDFS_CONFORMANCE_PENDING_OUT=FILE the fixture writes every difference into FILE
/// (merged per database) instead of asserting: tests/Conformance/refresh-pending.sh.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("mysql")]
[Category("E2E")]
[NonParallelizable]
public sealed class SwiftConformanceTests(string database)
{
    public const string PendingOutVariable = "CLOUDFS_CONFORMANCE_PENDING_OUT";

    /// <summary>Optional: a file that gets every difference of every case (all steps), to see which fix matters most.</summary>
    public const string AllOutVariable = "CLOUDFS_CONFORMANCE_ALL_OUT";

    /// <summary>The users of record.sh's tempauth, by the key cases use for them.</summary>
    private static readonly (string Key, string User, string Password, string Type)[] Users =
    [
        ("tester", "test:tester", "testing", "owner"),
        ("tester2", "test:tester2", "testing2", "owner"),
        ("tester3", "test:tester3", "testing3", "member"),
        ("test2", "test2:tester2", "testing2", "owner"),
        ("admin", "admin:admin", "admin", "admin"),
    ];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, string> _differences = new(StringComparer.Ordinal);
    private readonly JsonObject _allDifferences = [];
    private readonly Dictionary<string, string> _tokens = [];
    private readonly Dictionary<string, string> _accounts = [];
    private TestMariaDb? _mariaDb;
    private CloudFsCluster? _cluster;

    private static string? PendingOut => Environment.GetEnvironmentVariable(PendingOutVariable) is { Length: > 0 } path ? path : null;

    public static IEnumerable<TestCaseData> CaseIds() =>
        ConformanceSuite.Cases.Keys.Select(id => new TestCaseData(id).SetArgDisplayNames(id));

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (database == "mysql")
        {
            _mariaDb = await TestMariaDb.CreateAsync();
        }

        _cluster = new CloudFsCluster(_mariaDb?.ConnectionString, adminPassword: "admin", policies: Proxy.StoragePolicyScenario.SwiftTestPolicies,
            extraUsers: Users.Where(u => u.Key is not "tester" and not "admin").Select(u => (u.User, u.Password, u.Type)));
        await _cluster.StartAsync();
        foreach (var (key, user, password, _) in Users)
        {
            var (token, storageUrl) = await Proxy.ProxyHttp.LoginAsync(_cluster, user, password);
            _tokens[key] = token;
            _accounts[key] = storageUrl[(storageUrl.IndexOf("/v1/", StringComparison.Ordinal) + 4)..];
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (PendingOut is { } path && _cluster is not null)
        {
            WritePending(path);
        }

        if (Environment.GetEnvironmentVariable(AllOutVariable) is { Length: > 0 } allPath && _cluster is not null)
        {
            ConformanceSuite.Write(allPath + "." + database + ".json", _allDifferences);
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_mariaDb is not null)
        {
            await _mariaDb.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(CaseIds))]
    public async Task Case_AnswersAsSwift(string id)
    {
        var differences = await ReplayAsync(ConformanceSuite.Cases[id], CancellationToken.None);
        var difference = differences.Count == 0 ? null
            : differences.Count == 1 ? differences[0] : $"{differences[0]} (and {differences.Count - 1} more)";
        if (differences.Count > 0)
        {
            _allDifferences[id] = new JsonArray(differences.Select(d => (JsonNode)d).ToArray());
        }

        if (PendingOut is not null)
        {
            if (difference is not null)
            {
                _differences[id] = difference;
            }

            return;
        }

        if (ConformanceSuite.Pending(id, database) is { } pending)
        {
            if (difference is null)
            {
                Assert.Fail($"{id} matches Swift now: remove it from pending.json (it was: {pending})");
            }

            Assert.Pass($"pending: {difference}");
        }

        if (difference is not null)
        {
            Assert.Fail($"{id} differs from Swift at {string.Join("\n", differences.Take(20))}");
        }
    }

    /// <summary>Every difference of the case, step by step; the first is where it first differs.</summary>
    private async Task<List<string>> ReplayAsync(ConformanceCase c, CancellationToken ct)
    {
        var host = $"{_cluster!.Address}:{CloudFsCluster.Roles["proxy"].Port}";
        var ctx = new StepContext(_tokens, _accounts, ConformanceSuite.ContainerName(c.Area, c.Id), host);
        var answers = new List<RawAnswer>();
        var differences = new List<string>();
        for (var i = 0; i < c.Steps.Count; i++)
        {
            var step = c.Steps[i];
            if (step["sleep"] is { } sleep)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)sleep), ct);
            }

            var method = StepRequest.Method(step);
            var answer = await RawHttp.SendAsync(_cluster.Address, CloudFsCluster.Roles["proxy"].Port, method, StepRequest.Build(step, ctx), StepTimeout, ct);
            answers.Add(answer);
            var loose = (step["loose"] as JsonArray ?? []).Select(n => (string)n!).ToList();
            var masks = (step["masks"] as JsonArray ?? []).Select(n => (string)n!).ToList();
            var expected = AnswerDifference.Override(AnswerShape.FromRecording(c.Answers[i], loose), ConformanceSuite.OnPurpose($"{c.Area}/{c.Id}", i)).Masked(masks);
            var actual = AnswerShape.Of(answer.Status, answer.Headers, AnswerShape.Text(answer.Body), "http://" + host, loose).Masked(masks);
            var found = AnswerDifference.All(expected, actual).ToList();
            if (StepChecks.Failure(step, answers) is { } failed)
            {
                found.Add(failed);
            }

            differences.AddRange(found.Select(d => $"step {i} ({method} {(string?)step["p"]}): {d}"));
        }

        return differences;
    }

    /// <summary>Replaces this database's entries of the pending file with the differences found now.</summary>
    private void WritePending(string path)
    {
        var pending = ConformanceSuite.ReadObject(path);
        foreach (var (_, entry) in pending.ToList())
        {
            (entry as JsonObject)?.Remove(database);
        }

        foreach (var (id, difference) in _differences)
        {
            if (pending[id] is not JsonObject entry)
            {
                entry = [];
                pending[id] = entry;
            }

            entry[database] = difference;
        }

        var sorted = new JsonObject();
        foreach (var (id, entry) in pending.Where(p => p.Value is JsonObject { Count: > 0 }).OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            pending.Remove(id);
            sorted[id] = entry;
        }

        ConformanceSuite.Write(path, sorted);
    }
}
