#!/usr/bin/env bash
# Regenerates clients/openapi.json from the running code (the document the service serves) and
# lints it (./test.sh does, when node is there). Run it after changing an endpoint and commit the
# result: the typed client in clients/Customers.Client is generated from that file, and a test
# fails while it differs from the served document.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f clients/openapi.json ]] || echo '{}' > clients/openapi.json
# Only the service's tests are built: the client's tests may not compile until the client is regenerated.
CUSTOMERS_WRITE_OPENAPI=1 TEST_TARGET=tests/Customers.Tests/Customers.Tests.csproj ./test.sh --filter "FullyQualifiedName~OpenApiDocumentTests.The_committed_document_is_the_one_the_service_serves"
