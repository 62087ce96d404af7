package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local requests
function init(args)
  requests = c.prepare("accounts.txt", function(id) return c.org .. "/accounts/" .. id end)
  c.seed()
end
function request() return c.pick(requests) end
