using System.Net.Http.Headers;

namespace Customers.Tests.Http.Identification;

/// <summary>Document bodies that start like the real formats, and the upload form around them.</summary>
public static class Documents
{
    public static byte[] Pdf(int size = 4096) => WithMagic("%PDF-1.7\n"u8.ToArray(), size);

    public static byte[] Png(int size = 4096) => WithMagic([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 4096) => WithMagic([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static MultipartFormDataContent Form(
        byte[]? content,
        string? mediaType = "application/pdf",
        string fileName = "my_id_document.pdf",
        string? processDate = "2023-01-27T03:44:52Z",
        string? documentType = "NIF")
    {
        var form = new MultipartFormDataContent();
        if (processDate is not null)
        {
            form.Add(new StringContent(processDate), "process_date");
        }

        if (documentType is not null)
        {
            form.Add(new StringContent(documentType), "document_type");
        }

        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            if (mediaType is not null)
            {
                file.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            }

            form.Add(file, "file", fileName);
        }

        return form;
    }

    private static byte[] WithMagic(byte[] magic, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        magic.CopyTo(bytes, 0);
        return bytes;
    }
}
