using CloudFs.ObjectServer;

// Object server (port 7013): stores blob bodies on local devices. See docs/object-server.md.
await ObjectServerApp.Build(args).RunAsync();
