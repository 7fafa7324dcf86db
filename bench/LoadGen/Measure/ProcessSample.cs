namespace CloudFs.Bench.LoadGen.Measure;

/// <summary>A server process of the system under test, named by its role.</summary>
public sealed record ProcessSample(int Pid, string Role);
