package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
-- Read-heavy: 90 % GET customer (prepared), 10 % PATCH customer (built per request: a new name).
local ids, reads
function init(args)
  ids = c.lines(os.getenv("BENCH_DATA") .. "/customers.txt")
  reads = c.prepare("customers.txt", function(id) return c.org .. "/customers/" .. id end)
  c.seed()
end
function request()
  if math.random(10) == 1 then
    return wrk.format("PATCH", c.org .. "/customers/" .. c.pick(ids), c.headers, c.renaming())
  end
  return c.pick(reads)
end
