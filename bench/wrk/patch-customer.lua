package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
-- One customer grain write per request (the whole customer row and its event). The name is one the
-- customer cannot have yet: a patch sending the values a customer has writes nothing.
local ids
function init(args) ids = c.lines(os.getenv("BENCH_DATA") .. "/customers.txt"); c.seed() end
function request()
  return wrk.format("PATCH", c.org .. "/customers/" .. c.pick(ids), c.headers, c.renaming())
end
