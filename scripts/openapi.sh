#!/usr/bin/env bash
# Regenerates clients/openapi.json from the running code (the document the service serves), then
# lints it. Run it after changing an endpoint and commit the result: the typed client in
# clients/Customers.Client is generated from that file, and a test fails while it differs.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f clients/openapi.json ]] || echo '{}' > clients/openapi.json
CUSTOMERS_WRITE_OPENAPI=1 ./test.sh --filter "FullyQualifiedName~OpenApiDocumentTests.The_committed_document_is_the_one_the_service_serves"
if command -v node > /dev/null; then scripts/openapi-lint.sh; fi
