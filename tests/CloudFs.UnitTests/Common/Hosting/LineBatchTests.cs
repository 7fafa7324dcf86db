using System.Text;
using CloudFs.Common.Hosting.Logging;

namespace CloudFs.UnitTests.Common.Hosting;

public class LineBatchTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Test]
    public void Lines_FromManyThreads_EachWrittenOnceInItsThreadsOrder_InFewerWrites()
    {
        var output = new RecordingStream();
        using (var batch = new LineBatch(output, TimeSpan.FromMilliseconds(20)))
        {
            Parallel.For(0, 4, thread =>
            {
                for (var i = 0; i < 500; i++)
                {
                    batch.Append(Line($"t{thread} {i}"), urgent: false);
                }
            });
        }

        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2000));
        for (var thread = 0; thread < 4; thread++)
        {
            var own = lines.Where(l => l.StartsWith($"t{thread} ", StringComparison.Ordinal)).ToList();
            Assert.That(own, Is.EqualTo(Enumerable.Range(0, 500).Select(i => $"t{thread} {i}")), $"thread {thread}");
        }

        Assert.That(output.Writes, Is.LessThan(2000), "lines share writes");
    }

    [Test]
    public void UrgentLine_WrittenAtOnce_WithTheLinesBeforeIt()
    {
        var output = new RecordingStream();
        using var batch = new LineBatch(output, Never);
        batch.Append(Line("request line"), urgent: false);
        batch.Append(Line("error line"), urgent: true);

        SpinWait.SpinUntil(() => output.Text.Contains("error line", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.That(output.Text, Is.EqualTo("request line\nerror line\n"));
    }

    [Test]
    public void Dispose_WritesWhatIsPending()
    {
        var output = new RecordingStream();
        var batch = new LineBatch(output, Never);
        batch.Append(Line("last words"), urgent: false);
        Assert.That(output.Text, Is.Empty, "not before its interval");

        batch.Dispose();

        Assert.That(output.Text, Is.EqualTo("last words\n"));
    }

    [Test]
    public void StalledOutput_LinesPastTheLimitDropped_AndCountedOnceItMoves()
    {
        var output = new RecordingStream { Stalled = new ManualResetEventSlim(false) };
        var batch = new LineBatch(output, Never, maxPendingChars: 100);
        batch.Append(Line("first"), urgent: true);
        output.Entered.Wait(TimeSpan.FromSeconds(10)); // the writer is now stuck in its write

        for (var i = 0; i < 50; i++)
        {
            batch.Append(Line($"line {i:D2}"), urgent: false); // 8 characters each: 12 fit
        }

        Assert.That(batch.Dropped, Is.EqualTo(38));
        output.Stalled.Set();
        batch.Dispose();

        Assert.That(output.Text, Does.StartWith("first\nline 00\n"));
        Assert.That(output.Text, Does.Contain("line 11\n").And.Not.Contain("line 12"));
        Assert.That(output.Text, Does.Contain("warn: 38 log lines dropped"));
    }

    private static StringBuilder Line(string text) => new StringBuilder(text).Append('\n');

    /// <summary>Keeps what was written; can hold the writer inside a write.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly Lock _lock = new();
        private readonly MemoryStream _bytes = new();

        public ManualResetEventSlim? Stalled { get; init; }

        public ManualResetEventSlim Entered { get; } = new(false);

        public int Writes { get; private set; }

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return Encoding.UTF8.GetString(_bytes.ToArray());
                }
            }
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Entered.Set();
            Stalled?.Wait();
            lock (_lock)
            {
                _bytes.Write(buffer);
                Writes++;
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
