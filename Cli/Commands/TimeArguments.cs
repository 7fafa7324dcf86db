using System.Globalization;
using System.Text.RegularExpressions;
using CloudFs.Cli.Client;

namespace CloudFs.Cli.Commands;

/// <summary>Times on the command line: an age ("90s", "15m", "6h", "7d": that long ago) or a date ("2026-12-01T10:00Z").</summary>
public static partial class TimeArguments
{
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        var age = Age().Match(text.Trim());
        if (age.Success)
        {
            var amount = double.Parse(age.Groups[1].Value, CultureInfo.InvariantCulture);
            return now - (age.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            });
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new CliException($"'{text}' is neither an age (90s, 15m, 6h, 7d) nor a date (2026-12-01T10:00Z)");
    }

    /// <summary>Unix ms as a UTC time to the second.</summary>
    public static string Format(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([smhd])$")]
    private static partial Regex Age();
}
