using CloudFs.RingBuilder;

// cloudfs-ring <dir>/<role>.builder <command> [args]: see RingCli.Usage and docs/rings.md.
return RingCli.Run(args, Console.Out, Console.Error);
