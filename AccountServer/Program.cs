using CloudFs.AccountServer;

var app = AccountServerApp.Build(args);
await app.PrepareAsync();
await app.RunAsync();
