using Customers.Grains.Indexing;
using Customers.Grains.Validation;
using Orleans.Concurrency;

namespace Customers.Grains.Customers;

[StatelessWorker]
public sealed class CustomerDirectoryGrain(IndexKeys keys, IndexOwnerHints hints) : Grain, ICustomerDirectoryGrain
{
    private static readonly string[] DocumentTypes =
        [IdentityDocumentTypes.Nif, IdentityDocumentTypes.Nie, IdentityDocumentTypes.Cif, IdentityDocumentTypes.Passport];

    private string Org => this.GetPrimaryKeyString();

    public async Task<Outcome<CustomerRef>> Search(string? identityDocument, string? identityDocumentType, string? email)
    {
        var v = new Violations();
        var hasDocument = !string.IsNullOrWhiteSpace(identityDocument);
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        if (!hasDocument && !hasEmail)
        {
            v.Add("identity_document", "identity_document with identity_document_type, or email, is required");
        }

        // The type is an enum like the body's: its exact spelling, as a create takes it.
        if (hasDocument || !string.IsNullOrEmpty(identityDocumentType))
        {
            v.OneOf(string.IsNullOrEmpty(identityDocumentType) ? null : identityDocumentType, "identity_document_type", required: true, DocumentTypes);
        }

        // No stored value is longer than its field's limit: a longer one is a bad parameter, not a miss.
        if (hasDocument)
        {
            v.Text(identityDocument, "identity_document", 1, SharedRules.MaxFreeText, required: false);
        }

        var normalEmail = hasEmail ? Text.Nfc(email)! : null;
        if (normalEmail is not null && SharedRules.VisibleWithoutSpaces(v, normalEmail, "email"))
        {
            v.Text(normalEmail, "email", 1, SharedRules.EmailMaxLength, required: false);
        }

        if (v.Any)
        {
            return v.ToOutcome();
        }

        CustomerRef? byDocument = null;
        if (hasDocument)
        {
            var value = IndexKinds.DocumentValue(identityDocumentType!, SpanishDocuments.Normalize(identityDocument!));
            byDocument = await IndexOwners.Find(GrainFactory, keys, hints, Org, IndexKinds.Document, value);
            if (byDocument is null)
            {
                return NotFound;
            }
        }

        if (hasEmail)
        {
            var byEmail = await IndexOwners.Find(GrainFactory, keys, hints, Org, IndexKinds.LoginEmail, normalEmail!.ToLowerInvariant());
            if (byEmail is null || (byDocument is not null && byDocument.Id != byEmail.Id))
            {
                return NotFound;
            }

            return Outcome<CustomerRef>.Success(byEmail);
        }

        return Outcome<CustomerRef>.Success(byDocument!);
    }

    public Task<CustomerRef?> FindByExternalId(string externalId) =>
        IndexOwners.Find(GrainFactory, keys, hints, Org, IndexKinds.CustomerExternalId, externalId.Trim());

    private static Outcome NotFound => Outcome.NotFound("no customer matches the search");
}
