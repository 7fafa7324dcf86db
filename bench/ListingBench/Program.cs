using CloudFs.Bench.Listing;

// listing-bench: loads containers of 100,000 and 1,000,000 objects into a scratch catalog,
// then times listing pages (first, deep marker, prefix, delimiter, reverse) and resolves.
// Usage: listing-bench [--mysql "<connection string>"] [--sqlite <file>] [--runs 7] [--reuse]
return await ListingBenchmark.RunAsync(args, Console.Out);
