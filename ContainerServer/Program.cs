using CloudFs.Catalog;
using CloudFs.ContainerServer;

var app = ContainerServerApp.Build(args);

// The container server only reads, but it may start first: the migration lock makes
// running the migrator here safe, and it waits for a schema it can read.
await app.MigrateCatalogAsync();
await app.RunAsync();
