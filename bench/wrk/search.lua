package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local docs
function init(args) docs = c.lines(os.getenv("BENCH_DATA") .. "/documents.txt"); c.seed() end
function request()
  return wrk.format("GET", c.org .. "/customers/search?identity_document=" .. c.pick(docs) .. "&identity_document_type=NIF", c.headers)
end
