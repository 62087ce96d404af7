using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

public class MediaTypesTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    public void A_document_is_recognised_by_its_first_bytes(byte[] content, string expected) =>
        Assert.Equal(expected, MediaTypes.Detect(content));

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })] // GIF89a
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 })] // a zip archive
    [InlineData(new byte[] { 0x25, 0x50, 0x44 })] // a PDF signature cut short
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })] // a PNG signature cut short
    [InlineData(new byte[0])]
    public void Anything_else_is_not_an_accepted_document(byte[] content) =>
        Assert.Null(MediaTypes.Detect(content));

    [Theory]
    [InlineData("Image/PNG", "image/png")]
    [InlineData("application/pdf; name=id.pdf", "application/pdf")]
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void A_declared_media_type_is_compared_without_case_or_parameters(string? declared, string? expected) =>
        Assert.Equal(expected, MediaTypes.Normalize(declared));
}
