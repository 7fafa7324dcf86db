namespace CloudFs.EndToEndTests.Cluster;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time and hoping.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting until {what}");
            }

            await Task.Delay(100);
        }
    }
}
