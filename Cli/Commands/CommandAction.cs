using System.CommandLine;
using CloudFs.Cli.Client;

namespace CloudFs.Cli.Commands;

/// <summary>Runs a command body with a logged-in client and turns expected failures into one-line errors.</summary>
public static class CommandAction
{
    public static void Set(Command command, Func<ParseResult, CloudFsClient, CancellationToken, Task> body) =>
        command.SetAction(async (result, ct) =>
        {
            try
            {
                using var client = await GlobalOptions.LoginAsync(result, ct);
                await body(result, client, ct);
                return 0;
            }
            catch (CliException ex)
            {
                await Console.Error.WriteLineAsync("cloudfs: " + ex.Message);
                return 1;
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync("cloudfs: cannot reach the cluster: " + ex.Message);
                return 1;
            }
        });
}
