namespace Customers.Tests.Http.Storage;

/// <summary>
/// Rows as the service wrote them while its states still held the API's own shapes (snake_case of
/// those shapes' property names, nulls left out, computed properties included). They are kept
/// verbatim: stored data must go on reading whatever the API's types are called later.
/// </summary>
public static class FirstFormatRows
{
    public const string Customer = """
        {"type":"PRIVATE_CUSTOMER","external_id":"900001","preferred_language":"es-ES","segment":"RESIDENTIAL",
         "contact_info":{"phone_numbers":[{"country_code":"+34","number":"612345678","type":"MOBILE","is_default":true}],
                         "emails":[{"email":"ana.garcia@example.com","is_default":true}],
                         "postal_address":{"address_lines":["Calle Mayor 1","2B"],"postal_code":"28013","locality":"Madrid","administrative_area":"Madrid","region_code":"ES"}},
         "personal_info":{"identity_document":{"number":"12345678Z","type":"NIF"},"name":"Ana","first_surname":"Garcia","second_surname":"Lopez",
                          "gender":"FEMALE","nationality":"ES","birthdate":"1980-05-17"},
         "created_at":"2026-01-10T09:30:00Z","updated_at":"2026-01-11T10:00:00Z","account_ids":[],"account_creations":[],"openings":[],
         "categories":[],"retired_credentials":[],"identification_processes":[],"account_history":[],
         "exists":true,"is_live":true,"identity_document":{"number":"12345678Z","type":"NIF"},"document_index_value":"NIF:12345678Z"}
        """;

    public const string Account = """
        {"customer_id":"{customer_id}","customer_external_id":"900001","external_id":"700001","contract_reference":"CR-700001","modality":"POSTPAID",
         "billing_addresses":[{"address":{"state_id":"28","address_lines":["Calle Mayor 1"],"postal_code":"28013","locality":"Madrid","administrative_area":"Madrid","region_code":"ES"},
                               "from":"2026-01-10T09:30:00Z"}],
         "payment_method":{"type":"DIRECT_DEBIT","details":{"iban":"ES7921000813610123456789"}},
         "payment_methods":[{"type":"DIRECT_DEBIT","details":{"iban":"ES7921000813610123456789"},"created_at":"2026-01-10T09:30:00Z"}],
         "tokenizations":[],"contracts":[{"id":"5b0e9a53-0d0e-4f4e-9d8e-3f1f9c1a2b3c","start_date":"2026-01-10T09:30:00Z","requests":[]}],
         "invoice":{"cycle":{"name":"DIA 1 - MENSUAL","day":1,"type":"M","frequency":1},"due_date_id":5,"due_days_id":1,"delivery_mode":"EMAIL"},
         "created_at":"2026-01-10T09:30:00Z","updated_at":"2026-01-10T09:30:00Z","promotions":[],"promotion_operations":[],
         "exists":true,"is_live":true,"billing_address":{"state_id":"28","address_lines":["Calle Mayor 1"],"postal_code":"28013","locality":"Madrid","administrative_area":"Madrid","region_code":"ES"}}
        """;
}
