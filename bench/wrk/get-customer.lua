package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local requests
function init(args)
  requests = c.prepare("customers.txt", function(id) return c.org .. "/customers/" .. id end)
  c.seed()
end
function request() return c.pick(requests) end
