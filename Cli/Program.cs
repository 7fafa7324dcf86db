using System.CommandLine;
using CloudFs.Cli.Commands;

// cloudfs: administer a CloudFs cluster through its proxy, as the cluster admin.
var root = new RootCommand("Administer a CloudFs cluster: users, quotas, firewall, records, usage, import, fsck, search, hosts, stats, alerts");
GlobalOptions.AddTo(root);
root.Subcommands.Add(UserCommands.Build());
root.Subcommands.Add(AdminCommands.Quota());
root.Subcommands.Add(AdminCommands.Firewall());
root.Subcommands.Add(AdminCommands.Setting());
root.Subcommands.Add(AdminCommands.Records());
root.Subcommands.Add(AdminCommands.UsageCheck());
root.Subcommands.Add(ImportCommand.Build());
root.Subcommands.Add(FsckCommand.Build());
root.Subcommands.Add(SearchCommand.Build());
root.Subcommands.Add(HostCommands.Hosts());
root.Subcommands.Add(HostCommands.Stats());
root.Subcommands.Add(HostCommands.Alerts());
return await root.Parse(args).InvokeAsync();
