using CloudFs.Bench.Listing;

// listing-bench: loads containers of 100,000 and 1,000,000 objects into a scratch catalog,
// then times listing pages (first, deep marker, prefix, delimiter, reverse) and resolves.
// With --search: loads one 1,000,000-object container and times searches and tree reads.
// Usage: listing-bench [--search] [--mysql "<connection string>"] [--sqlite <file>] [--runs 7] [--reuse]
return args.Contains("--search")
    ? await SearchBenchmark.RunAsync(args, Console.Out)
    : await ListingBenchmark.RunAsync(args, Console.Out);
