using CloudFs.ContainerServer;

// No migrations here: the account server owns the schema, so this server can run under a
// SELECT-only database user. Until the catalog is migrated it answers 503 (CatalogSchemaWatch).
var app = ContainerServerApp.Build(args);
await app.RunAsync();
