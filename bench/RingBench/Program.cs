using CloudFs.Bench.Ring;

// ring-bench: lookups per second (GetPartition + GetPrimaries) on a part_power 18, 3-replica, 100-device ring.
return LookupBenchmark.Run(args, Console.Out);
