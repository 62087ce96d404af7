using Customers.Grains.Identification;
using Customers.Grains.Validation;

namespace Customers.Grains.Customers;

/// <summary>
/// Identification processes: the grain keeps each one's metadata, the document store its bytes.
/// The bytes are committed before the metadata, so a listed process always has its document.
/// </summary>
public sealed partial class CustomerGrain : ICustomerIdentificationGrain
{
    public async Task<Outcome<IdentificationProcessCreated>> AddIdentificationProcess(IdentificationUpload upload)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var v = new Violations();
        var valid = IdentificationRules.Validate(v, upload);
        if (valid is null)
        {
            return v.ToOutcome();
        }

        var process = new IdentificationProcessState
        {
            ProcessId = Guid.NewGuid(),
            ProcessDate = valid.ProcessDate,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            DocumentId = Guid.NewGuid(),
            MediaType = valid.MediaType,
            Name = valid.Name,
            DocumentType = valid.DocumentType,
            SizeBytes = valid.Content.Length,
        };
        await documents.SaveAsync(new StoredDocument(_org, process.DocumentId, _id, process.MediaType, process.Name, valid.Content));

        var snapshot = Snapshot();
        S.IdentificationProcesses.Add(process);
        Record(EventTypes.IdentificationUploaded, "identification_processes");
        try
        {
            await WriteOrRevert(snapshot);
        }
        catch
        {
            await documents.DeleteAsync(_org, process.DocumentId);
            throw;
        }

        return Outcome<IdentificationProcessCreated>.Success(new IdentificationProcessCreated(process.ProcessId));
    }

    public Task<Outcome<List<IdentificationProcessSummary>>> ListIdentificationProcesses()
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<List<IdentificationProcessSummary>>>(NotFound);
        }

        var processes = S.IdentificationProcesses
            .Select((p, uploadOrder) => (p, uploadOrder))
            .OrderByDescending(x => x.p.ProcessDate)
            .ThenByDescending(x => x.uploadOrder)
            .Select(x => new IdentificationProcessSummary { ProcessId = x.p.ProcessId, ProcessDate = x.p.ProcessDate })
            .ToList();
        return Task.FromResult(Outcome<List<IdentificationProcessSummary>>.Success(processes));
    }

    public Task<Outcome<IdentificationProcessView>> GetIdentificationProcess(Guid processId)
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<IdentificationProcessView>>(NotFound);
        }

        if (S.IdentificationProcesses.Find(p => p.ProcessId == processId) is not { } process)
        {
            return Task.FromResult<Outcome<IdentificationProcessView>>(Outcome.NotFound("identification process not found"));
        }

        return Task.FromResult(Outcome<IdentificationProcessView>.Success(new IdentificationProcessView
        {
            ProcessId = process.ProcessId,
            ProcessDate = process.ProcessDate,
            Document = new IdentificationDocumentView
            {
                DocumentId = process.DocumentId,
                MediaType = process.MediaType,
                Name = process.Name,
                Type = process.DocumentType,
                SizeBytes = process.SizeBytes,
            },
        }));
    }
}
