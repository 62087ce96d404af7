using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Customers.Api.Http;

/// <summary>The API's JSON answers: a status, a body, and for a creation where the new resource lives.</summary>
public static class JsonAnswer
{
    public static JsonAnswer<T> Ok<T>(T value, JsonTypeInfo<T>? typeInfo = null) => new(value, StatusCodes.Status200OK, typeInfo);

    public static JsonAnswer<T> Created<T>(string location, T value) => new(value, StatusCodes.Status201Created, location: location);

    public static JsonAnswer<T> Accepted<T>(string location, T value) => new(value, StatusCodes.Status202Accepted, location: location);

    public static JsonAnswer<T> Status<T>(int statusCode, T value) => new(value, statusCode);
}

/// <summary>
/// A JSON answer serialized whole, synchronously, before anything is sent: it goes out with its
/// Content-Length in one write, where ASP.NET Core's JSON results stream it through the response
/// pipe with the async serializer's machinery around a body of a kilobyte, in chunked encoding.
/// </summary>
public sealed class JsonAnswer<T>(T value, int statusCode, JsonTypeInfo<T>? typeInfo = null, string? location = null)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    /// <summary>A thread keeps its buffer up to this size; the rare larger answer gets one of its own.</summary>
    private const int BufferedLimit = 64 * 1024;

    /// <summary>One serialization buffer per thread: the body is written into it and copied out before the thread moves on.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The thread's writer over its buffer, for the options it was made with; reset per answer rather than made anew.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static JsonSerializerOptions? t_writerOptions;

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var info = typeInfo ?? RuntimeTypeInfo(httpContext);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        JsonSerializer.Serialize(Writer(buffer, info.Options), value, info);

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        // Copied into the response pipe here, so the buffer is free for the thread's next answer even
        // while the flush waits; a large one is left behind rather than kept by the thread.
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.Capacity > BufferedLimit)
        {
            t_buffer = null;
            t_writer = null;
        }

        var written = response.BodyWriter.FlushAsync();
        return written.IsCompletedSuccessfully ? Task.CompletedTask : written.AsTask();
    }

    private static Utf8JsonWriter Writer(ArrayBufferWriter<byte> buffer, JsonSerializerOptions options)
    {
        if (t_writer is { } writer && ReferenceEquals(t_writerOptions, options))
        {
            writer.Reset(buffer);
            return writer;
        }

        t_writerOptions = options;
        return t_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
    }

    /// <summary>The API's options and the value's own type, as ASP.NET Core's JSON results serialize a value.</summary>
    private JsonTypeInfo RuntimeTypeInfo(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return options.GetTypeInfo(value?.GetType() ?? typeof(T));
    }
}
