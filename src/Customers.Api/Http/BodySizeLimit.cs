using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Customers.Api.Http;

/// <summary>
/// Request bodies are at most 1 MiB unless the endpoint says otherwise (the identification upload).
/// A declared length over the limit is refused before a byte is read; a chunked body is cut off by
/// the server when it crosses the limit, and answered here: the endpoint's JSON reading takes the
/// server's refusal for a broken body and ends without an answer, which the server would send
/// as an empty 413.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var own = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = own?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (context.Request.ContentLength > limit)
        {
            return OverLimit(own, limit).ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            ? WatchUndeclaredLength(context, own, limit)
            : next(context);
    }

    private static IResult OverLimit(IRequestSizeLimitMetadata? own, long limit) =>
        own is IOverLimitAnswer answer ? answer.OverLimit() : ApiErrors.PayloadTooLarge(limit);

    private async Task WatchUndeclaredLength(HttpContext context, IRequestSizeLimitMetadata? own, long limit)
    {
        var body = new OverLimitWatch(context.Request.Body);
        context.Request.Body = body;
        await next(context);
        if (body.CrossedLimit && !context.Response.HasStarted)
        {
            await OverLimit(own, limit).ExecuteAsync(context);
        }
    }

    /// <summary>The request body, noting whether the server cut it off at the limit.</summary>
    private sealed class OverLimitWatch(Stream inner) : Stream
    {
        public bool CrossedLimit { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        // The server refuses synchronous reads, so only the asynchronous ones can meet the limit.
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                CrossedLimit = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public static class BodySizeLimits
{
    public static IServiceCollection AddBodySizeLimit(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = BodySizeLimit.DefaultMaxBytes);
}
