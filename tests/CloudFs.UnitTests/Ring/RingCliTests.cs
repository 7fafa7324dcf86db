using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class RingCliTests : RingDirTestBase
{
    private string ObjectBuilder => Path.Combine(Dir, "object.builder");

    [Test]
    public void Rebalance_TwoProcessesSameInputsAndSeed_IdenticalRingFiles()
    {
        var dirA = Path.Combine(Dir, "a");
        var dirB = Path.Combine(Dir, "b");

        BuildThreeServerRing(dirA);
        BuildThreeServerRing(dirB);

        Assert.That(File.ReadAllBytes(Path.Combine(dirA, "object.ring")), Is.EqualTo(File.ReadAllBytes(Path.Combine(dirB, "object.ring"))));
        var ring = RingFile.Load(Path.Combine(dirA, "object.ring"));
        Assert.That(ring.Devices.Select(d => d.Ip).Distinct(), Is.EquivalentTo(new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" }));
    }

    [Test]
    public void List_AfterRebalance_ShowsDevicesBalanceAndDispersion()
    {
        BuildThreeServerRing(Dir);

        (var code, var output) = RingCliRunner.Run(ObjectBuilder);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("127.0.0.3:7013").And.Contain("balance").And.Contain("dispersion"));
        });
    }

    [Test]
    public void Rebalance_NothingToMove_ExitsWithWarning()
    {
        BuildThreeServerRing(Dir);

        (var code, _) = RingCliRunner.Run(ObjectBuilder, "rebalance", "--seed", "1");

        Assert.That(code, Is.EqualTo(1));
    }

    [TestCase("create", "25", "3", "1", TestName = "Create_PartPowerOutOfRange_ExitsWithError")]
    [TestCase("create", "10", "0", "1", TestName = "Create_ZeroReplicas_ExitsWithError")]
    [TestCase("create", "ten", "3", "1", TestName = "Create_NonNumericArgument_ExitsWithError")]
    [TestCase("bogus", TestName = "Run_UnknownCommand_ExitsWithError")]
    public void Run_BadInputOnFreshBuilder_ExitsWithError(params string[] args)
    {
        (var code, var output) = RingCliRunner.Run([ObjectBuilder, .. args]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Does.Contain("error:"));
            Assert.That(File.Exists(ObjectBuilder), Is.False);
        });
    }

    [TestCase("add", "z1-127.0.0.2:7013/d1", "100", TestName = "Add_DuplicateDevice_ExitsWithError")]
    [TestCase("add", "z1-127.0.0.9:7013", "100", TestName = "Add_MalformedSpec_ExitsWithError")]
    [TestCase("add", "z1-127.0.0.9:7013/d1", TestName = "Add_MissingWeight_ExitsWithError")]
    [TestCase("remove", "d42", TestName = "Remove_UnknownDevice_ExitsWithError")]
    [TestCase("set_weight", "127.0.0.9:7013/d1", "5", TestName = "SetWeight_UnknownDevice_ExitsWithError")]
    [TestCase("set_weight", "d0", "-5", TestName = "SetWeight_NegativeWeight_ExitsWithError")]
    public void Run_BadInputOnExistingBuilder_ExitsWithErrorAndLeavesBuilderAlone(params string[] args)
    {
        BuildThreeServerRing(Dir);
        var before = File.ReadAllBytes(ObjectBuilder);

        (var code, var output) = RingCliRunner.Run([ObjectBuilder, .. args]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("error:"));
            Assert.That(File.ReadAllBytes(ObjectBuilder), Is.EqualTo(before));
        });
    }

    [Test]
    public void Rebalance_NoDevices_ExitsWithError()
    {
        Assert.That(RingCliRunner.Run(ObjectBuilder, "create", "8", "3", "1").ExitCode, Is.EqualTo(0));

        (var code, var output) = RingCliRunner.Run(ObjectBuilder, "rebalance");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Does.Contain("no devices"));
            Assert.That(File.Exists(Path.Combine(Dir, "object.ring")), Is.False);
        });
    }

    [Test]
    public void Run_NotABuilderPath_ExitsWithError()
    {
        (var code, _) = RingCliRunner.Run(Path.Combine(Dir, "object.ring"), "create", "8", "3", "1");

        Assert.That(code, Is.EqualTo(2));
    }

    [Test]
    public void RemoveThenRebalance_DeviceGoneFromRing()
    {
        BuildThreeServerRing(Dir);
        Assert.That(RingCliRunner.Run(ObjectBuilder, "add", "r1z4-127.0.0.5:7013/d1", "100").ExitCode, Is.EqualTo(0));
        Assert.That(RingCliRunner.Run(ObjectBuilder, "rebalance").ExitCode, Is.EqualTo(0));

        (var removeCode, _) = RingCliRunner.Run(ObjectBuilder, "remove", "127.0.0.5:7013/d1");
        (var code, var output) = RingCliRunner.Run(ObjectBuilder, "rebalance");

        Assert.Multiple(() =>
        {
            Assert.That(removeCode, Is.EqualTo(0));
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(RingFile.Load(Path.Combine(Dir, "object.ring")).Devices, Has.Count.EqualTo(3));
            Assert.That(RingCliRunner.Run(ObjectBuilder, "validate").ExitCode, Is.EqualTo(0));
        });
    }

    private static void BuildThreeServerRing(string dir)
    {
        var builder = Path.Combine(dir, "object.builder");
        Directory.CreateDirectory(dir);
        Assert.That(RingCliRunner.Run(builder, "create", "10", "3", "1").ExitCode, Is.EqualTo(0));
        (var add, var addOut) = RingCliRunner.Run(builder, "add",
            "r1z1-127.0.0.2:7013/d1", "100", "r1z2-127.0.0.3:7013/d1", "100", "r1z3-127.0.0.4:7013/d1", "100");
        Assert.That(add, Is.EqualTo(0), addOut);
        (var rebalance, var output) = RingCliRunner.Run(builder, "rebalance", "--seed", "1");
        Assert.That(rebalance, Is.EqualTo(0), output);
    }
}
