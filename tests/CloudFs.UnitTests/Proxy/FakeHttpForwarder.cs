using System.Net;
using CloudFs.Backend;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace CloudFs.UnitTests.Proxy;

/// <summary>
/// Stands in for YARP's forwarder: each call takes the next scripted outcome (a transport error
/// or a node's status and body), runs the transformer as YARP does and records what was sent.
/// </summary>
public sealed class FakeHttpForwarder(params FakeHttpForwarder.Outcome[] outcomes) : IHttpForwarder
{
    private int _next;

    public List<HttpRequestMessage> Sent { get; } = [];

    public ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
        ForwarderRequestConfig requestConfig, HttpTransformer transformer) =>
        SendAsync(context, destinationPrefix, httpClient, requestConfig, transformer, CancellationToken.None);

    public async ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
        ForwarderRequestConfig requestConfig, HttpTransformer transformer, CancellationToken cancellationToken)
    {
        var outcome = outcomes[_next++];
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), destinationPrefix);
        await transformer.TransformRequestAsync(context, request, destinationPrefix, cancellationToken);
        Sent.Add(request);
        if (outcome.Error != ForwarderError.None)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return outcome.Error;
        }

        using var response = new HttpResponseMessage((HttpStatusCode)outcome.Status) { Content = new StringContent(outcome.Body) };
        context.Response.StatusCode = outcome.Status;
        if (await transformer.TransformResponseAsync(context, response, cancellationToken))
        {
            await context.Response.WriteAsync(outcome.Body, cancellationToken);
        }

        return ForwarderError.None;
    }

    public sealed record Outcome(int Status, string Body = "", ForwarderError Error = ForwarderError.None)
    {
        public static Outcome Failed(ForwarderError error) => new(0, "", error);
    }
}
