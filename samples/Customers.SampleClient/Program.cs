// A co-hosted service: an Orleans client that joins the cluster through its gateways (found in
// the PostgreSQL membership table) and calls the customer grains directly, without HTTP.
// It references only Customers.Grains.Abstractions; the grains enforce the same rules as the API.
// It creates a customer, opens an account for it, reads both back, and shows a refused request.
// It also follows the org's events on the in-cluster stream and prints them as they come; its own
// changes carry the actor "co-hosted:sample-client", the name it puts in the request context.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Customers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Streams;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Customers")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Customers to the cluster's PostgreSQL.");
var org = builder.Configuration["Org"] ?? "telco";

builder.UseOrleansClient(client =>
{
    client.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = builder.Configuration["Orleans:ClusterId"] ?? "customers";
        o.ServiceId = builder.Configuration["Orleans:ServiceId"] ?? "customers";
    });
    client.UseAdoNetClustering(o =>
    {
        o.Invariant = "Npgsql";
        o.ConnectionString = connectionString;
    });

    // A cluster run with Orleans__Tls__* takes only clients presenting its certificate, and is trusted only when it presents it too.
    if (builder.Configuration["Orleans:Tls:CertificatePath"] is { Length: > 0 } certificatePath)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration["Orleans:Tls:CertificatePassword"]);
        client.UseTls(certificate, o =>
        {
            o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            o.RemoteCertificateValidation = (remote, _, _) => remote is not null && CryptographicOperations.FixedTimeEquals(remote.RawData, certificate.RawData);
        });
    }

    client.AddMemoryStreams(CustomerEventStream.StreamProvider);
});

using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IClusterClient>();

// Who this service is, recorded as the actor of every change it makes.
RequestContext.Set(EventActorKeys.CoHosted, "sample-client");

var id = Guid.NewGuid();

// Events arrive once stored, in position order. A subscriber that was away reads what it missed
// from the feed (GET /v4/orgs/{org}/events?after=<last position seen>).
var ownEvents = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var seen = new HashSet<string>();
var subscription = await grains.GetStreamProvider(CustomerEventStream.StreamProvider)
    .GetStream<CustomerEvent>(StreamId.Create(CustomerEventStream.Namespace, org))
    .SubscribeAsync((e, _) =>
    {
        Console.WriteLine($"event {e.Position} {e.Type} by {e.Actor} customer {e.CustomerId} account {e.AccountId} changes [{string.Join(", ", e.Changes)}]");
        if (e.CustomerId == id && seen.Add(e.Type) && seen.IsSupersetOf(["customer.created", "account.created"]))
        {
            ownEvents.TrySetResult();
        }

        return Task.CompletedTask;
    });
var customer = grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id));
var created = await customer.Create(new CreateCustomerRequest
{
    Type = CustomerTypes.Digital,
    PreferredLanguage = "en",
    DigitalPersonalInfo = new DigitalPersonalInfo { Email = $"sample-{id:N}@example.com", Name = "Sample" },
});
if (!created.IsOk)
{
    Console.Error.WriteLine($"create refused: {created.Status} {created.Message}");
    return 1;
}

// The grain refuses what the HTTP API refuses: a NIF with a wrong control letter.
var refused = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, Guid.NewGuid())).Create(new CreateCustomerRequest
{
    Type = CustomerTypes.Private,
    PreferredLanguage = "es",
    Segment = "CONSUMER",
    ContactInfo = new ContactInfo { Emails = [new EmailAddress { Email = "x@example.com" }] },
    PersonalInfo = new PersonalInfo { IdentityDocument = new IdentityDocument { Type = "NIF", Number = "12345678A" }, Name = "A", FirstSurname = "B" },
});

// Accounts are opened through their customer, which keeps the list of its live accounts.
var opened = await grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(org, id)).OpenAccount(new CreateAccountRequest
{
    Modality = "POSTPAID",
    BillingAddress = new BillingAddress
    {
        AddressLines = ["Avenida de Bruselas, 38"],
        PostalCode = "28108",
        StateId = "28",
        Locality = "Alcobendas",
        AdministrativeArea = "Madrid",
        RegionCode = "ES",
    },
    PaymentMethod = new PaymentMethod { Type = "BANK_TRANSFER", Details = new PaymentMethodDetails() },
}, idempotencyKey: null);
if (!opened.IsOk)
{
    Console.Error.WriteLine($"account refused: {opened.Status} {opened.Message} {string.Join("; ", opened.Errors.Select(e => e.Field))}");
    return 1;
}

var account = await grains.GetGrain<IAccountGrain>(GrainKeys.Account(org, opened.Value!.Id)).Get();
var read = await customer.Get();
var found = await grains.GetGrain<ICustomerDirectoryGrain>(org).FindByExternalId(created.Value!.ExternalId);
Console.WriteLine($"created {created.Value.Id} external_id {created.Value.ExternalId}");
Console.WriteLine($"read {JsonSerializer.Serialize(read)}");
Console.WriteLine($"external lookup {found?.Id}");
Console.WriteLine($"account {account?.Id} contract {account?.ContractReference} payment {account?.PaymentMethod?.Type}");
Console.WriteLine($"invalid NIF refused: {refused.Status} {string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Message}"))}");

var streamed = await Task.WhenAny(ownEvents.Task, Task.Delay(TimeSpan.FromSeconds(30))) == ownEvents.Task;
Console.WriteLine(streamed ? "own events received on the stream" : "own events not received on the stream");
await subscription.UnsubscribeAsync();

await host.StopAsync();
return streamed && read?.Id == id && found?.Id == id && account?.CustomerId == id && refused.Status == OutcomeStatus.Invalid ? 0 : 1;
