package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local requests
function init(args)
  requests = c.prepare("documents.txt", function(document)
    return c.org .. "/customers/search?identity_document=" .. document .. "&identity_document_type=NIF"
  end)
  c.seed()
end
function request() return c.pick(requests) end
