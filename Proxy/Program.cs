using CloudFs.Proxy;

await ProxyApp.Build(args).RunAsync();
