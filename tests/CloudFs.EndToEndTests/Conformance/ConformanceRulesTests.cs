namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// The replay's own rules without a cluster: signatures as Python's hmac computes them (the
/// recorder's side), shape masking, and how differences are reported.
/// </summary>
public class ConformanceRulesTests
{
    private const string ObjectPath = "/v1/AUTH_account/container/object";

    [Test]
    public void TempUrl_Sha1Hex_MatchesPythonHmac() =>
        Assert.That(SwiftSignatures.Sign("mykey", SwiftSignatures.TempUrlMessage("GET", 1440619048, ObjectPath, null, null), "sha1", "hex"),
            Is.EqualTo("da720a7e11f9f2c7b0fe46039811229c1c7a9cb4"));

    [Test]
    public void TempUrl_Sha512Base64_IsUrlSafeWithoutPadding() =>
        Assert.That(SwiftSignatures.Sign("mykey", SwiftSignatures.TempUrlMessage("GET", 1440619048, ObjectPath, null, null), "sha512", "base64"),
            Is.EqualTo("sha512:CCIGWJL8qM43wwYDy65pa4KL0u0ayGe5Za6i3hjLRIxTv3EiVypmhAt54WtLfkKu4wltDg5C4RXeRD-fzHgIwA"));

    [Test]
    public void TempUrl_PrefixAndIp_SignTheContainerPrefixAfterTheRange() =>
        Assert.That(SwiftSignatures.Sign("mykey", SwiftSignatures.TempUrlMessage("GET", 1440619048, ObjectPath, "pre", "1.2.3.4"), "sha256", "hex"),
            Is.EqualTo("dd43dcb49541efad05aa1863610ebf69247fa013c4490fb1de9b0d8f4e047a29"));

    [Test]
    public void FormPost_Sha1_MatchesPythonHmac() =>
        Assert.That(SwiftSignatures.Sign("mykey", SwiftSignatures.FormPostMessage("/v1/AUTH_account/container/", "", 1024, 5, 1440619048), "sha1", "hex"),
            Is.EqualTo("7ead0f9f5fc181ea0cd4a32f2560346449a4c084"));

    [Test]
    public void Shape_MasksVolatileValues_AndKeepsTheRest()
    {
        var shape = AnswerShape.Of(200,
            [
                new("Date", "Tue, 01 Dec 2026 13:33:18 GMT"), new("X-Timestamp", "1796131955.62253"),
                new("X-Trans-Id", "tx7beb0a684c28453395147-006b0ecc9e"), new("Location", "http://127.0.0.5:7010/v1/AUTH_test/c"),
                new("Content-Type", "text/plain; charset=UTF-8"), new("X-Delete-At", "9999999999"), new("Transfer-Encoding", "chunked"),
            ],
            "[{\"last_modified\": \"2026-12-01T13:33:18.048580\", \"token\": \"AUTH_tk0123abcd\"}]", "http://127.0.0.5:7010", []);

        Assert.That(shape.Headers, Is.EqualTo(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "text/plain;charset=utf-8",
            ["date"] = "{http-date}",
            ["location"] = "{base}/v1/AUTH_test/c",
            ["x-delete-at"] = "9999999999",
            ["x-timestamp"] = "{ts}",
            ["x-trans-id"] = "{txid}",
        }));
        Assert.That(shape.Body, Is.EqualTo("[{\"last_modified\": \"{iso}\", \"token\": \"{token}\"}]"));
    }

    [Test]
    public void Shape_Multipart_MasksTheBoundaryAndItsLength()
    {
        var shape = AnswerShape.Of(206, [new("Content-Type", "multipart/byteranges;boundary=abc123"), new("Content-Length", "99")],
            "--abc123\r\n01\r\n--abc123--", "http://x", []);

        Assert.That(shape.Headers["content-type"], Is.EqualTo("multipart/byteranges;boundary={boundary}"));
        Assert.That(shape.Headers["content-length"], Is.EqualTo("{n}"));
        Assert.That(shape.Body, Is.EqualTo("--{boundary}\r\n01\r\n--{boundary}--"));
    }

    [Test]
    public void Shape_LooseAccount_ComparesTheSharedAccountsCountersByShape()
    {
        var shape = AnswerShape.Of(204, [new("X-Account-Storage-Policy-Policy-0-Object-Count", "7"), new("X-Account-Meta-Color", "3")], "", "http://x", ["account"]);

        Assert.That(shape.Headers["x-account-storage-policy-policy-0-object-count"], Is.EqualTo("{n}"));
        Assert.That(shape.Headers["x-account-meta-color"], Is.EqualTo("3"));
    }

    [Test]
    public void Difference_NamesStatusFirst_ThenHeaders_ThenBody()
    {
        var expected = AnswerShape.Of(201, [new("Content-Type", "text/html"), new("Etag", "x")], "a", "http://x", []);
        var actual = AnswerShape.Of(202, [new("Etag", "y"), new("Allow", "GET")], "b", "http://x", []);

        Assert.That(AnswerDifference.All(expected, actual).ToList(), Is.EqualTo(new[]
        {
            "status: expected 201, got 202 (body b)",
            "header content-type: expected 'text/html', missing",
            "header etag: expected 'x', got 'y'",
            "header allow: not expected, got 'GET'",
            "body differs at 0: expected 'a', got 'b'",
        }));
        Assert.That(AnswerDifference.Between(expected, expected), Is.Null);
    }

    [Test]
    public void KnownDifferences_NameRecordedCasesAndSteps()
    {
        foreach (var (id, entry) in ConformanceSuite.ReadObject(Path.Combine(ConformanceSuite.Directory, "on-purpose.json")))
        {
            Assert.That(ConformanceSuite.Cases.TryGetValue(id, out var c), Is.True, $"on-purpose.json names no case {id}");
            Assert.That((string?)entry!["why"], Is.Not.Empty, $"{id} says why");
            foreach (var (step, _) in entry["steps"]!.AsObject())
            {
                Assert.That(int.Parse(step, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(c!.Steps.Count), $"{id} has no step {step}");
            }
        }

        foreach (var (id, _) in ConformanceSuite.ReadObject(ConformanceSuite.PendingPath))
        {
            Assert.That(ConformanceSuite.Cases.ContainsKey(id), Is.True, $"pending.json names no case {id}");
        }
    }
}
