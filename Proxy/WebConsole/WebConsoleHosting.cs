using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CloudFs.Proxy.WebConsole;

/// <summary>
/// Serves the web console's built files under <c>/console/</c>, before any Swift middleware sees
/// the request: the console is static, talks to the public API like any client, and needs no
/// token to be fetched. Paths that name no file get index.html (the app routes in the hash).
/// </summary>
public static partial class WebConsoleHosting
{
    public const string Path = "/console";

    // The console loads only its own files and talks only to this origin; nothing else may frame it.
    private const string Policy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseWebConsole(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebConsoleOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var root = options.ResolvedRoot;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebConsoleHosting));
        if (!File.Exists(System.IO.Path.Combine(root, "index.html")))
        {
            Log.NotBuilt(logger, root);
            app.Map(Path, branch => branch.Run(context => NotBuiltAsync(context)));
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var staticFiles = new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file => Prepare(file.Context, file.File.Name),
        };
        app.Map(Path, branch =>
        {
            branch.UseStaticFiles(staticFiles);
            branch.Run(context => IndexAsync(context, files));
        });
        Log.Serving(logger, root);
        return app;
    }

    private static void Prepare(HttpContext context, string name)
    {
        var headers = context.Response.Headers;
        headers["Content-Security-Policy"] = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Vite names every asset by its content hash: a changed file is a new name.
        headers.CacheControl = name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable";
    }

    private static async Task IndexAsync(HttpContext context, IFileProvider files)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }

        if (!context.Request.Path.HasValue)
        {
            // "/console" alone: relative links in the page need the trailing slash.
            context.Response.Redirect(Path + "/" + context.Request.QueryString, permanent: false);
            return;
        }

        var index = files.GetFileInfo("index.html");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = index.Length;
        Prepare(context, "index.html");
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }
    }

    private static Task NotBuiltAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("The web console is not built: build the solution with Node.js and npm on the PATH (WebConsole/).");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Web console served at /console/ from {Root}")]
        public static partial void Serving(ILogger logger, string root);

        [LoggerMessage(2, LogLevel.Warning, "Web console not found in {Root} (WebConsole/ is built by the proxy's build when npm is on the PATH); /console answers 404")]
        public static partial void NotBuilt(ILogger logger, string root);
    }
}
