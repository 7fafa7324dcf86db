using CloudFs.Ring;

namespace CloudFs.RingBuilder;

/// <summary>Parses "&lt;dir&gt;/&lt;role&gt;.builder &lt;command&gt; ..." and runs the command; returns the exit code.</summary>
internal static class RingCli
{
    public const string Usage = """
        usage: cloudfs-ring <ring-dir>/<role>.builder [command] [args]
          create <part_power> <replicas> <min_part_hours>
          add [r<region>]z<zone>-<ip>:<port>/<device>[_<meta>] <weight> [<spec> <weight> ...]
          remove <search> [--yes]               search: d<id>, z<zone>, <ip>:<port>/<device>, ...
          set_weight <search> <weight> [--yes]
          set_min_part_hours <hours>
          rebalance [--seed <n>]                writes <role>.builder and <role>.ring
          write_ring
          validate
          list                                  (the default) devices, balance, dispersion
        exit codes: 0 ok, 1 warning, 2 error
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.Error : ExitCodes.Success;
        }

        try
        {
            var paths = new BuilderPaths(args[0]);
            var command = args.Length > 1 ? args[1] : "list";
            var rest = args.Length > 2 ? args[2..] : [];
            var commands = new BuilderCommands(paths, stdout);
            return command switch
            {
                "create" => commands.Create(rest),
                "add" => commands.Add(rest),
                "remove" => commands.Remove(rest),
                "set_weight" => commands.SetWeight(rest),
                "set_min_part_hours" => commands.SetMinPartHours(rest),
                "rebalance" => new RebalanceCommands(paths, stdout).Rebalance(rest),
                "write_ring" => new RebalanceCommands(paths, stdout).WriteRing(rest),
                "validate" => new RebalanceCommands(paths, stdout).Validate(rest),
                "list" or "search" => new ListCommand(paths, stdout).Run(rest),
                _ => throw new UsageException($"Unknown command '{command}'."),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine(Usage);
            return ExitCodes.Error;
        }
        catch (RingBuilderException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.Error;
        }
        catch (IOException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.Error;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.Error;
        }
    }
}
