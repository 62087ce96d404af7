using System.Text.Json.Serialization;
using Customers.Grains.Identification;

namespace Customers.Grains.Customers;

public sealed partial class CustomerState
{
    /// <summary>In upload order; the bytes of each document live in the document store.</summary>
    [Id(41), JsonConverter(typeof(EmptyListAsNull))] public List<IdentificationProcessState> IdentificationProcesses { get => field ??= []; set; }
}
