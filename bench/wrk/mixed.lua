package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
-- Read-heavy: 90 % GET customer (prepared), 10 % PATCH customer (built per request: a random language).
local ids, reads
local languages = { "es", "ca", "gl", "eu", "en", "pt" }
function init(args)
  ids = c.lines(os.getenv("BENCH_DATA") .. "/customers.txt")
  reads = c.prepare("customers.txt", function(id) return c.org .. "/customers/" .. id end)
  c.seed()
end
function request()
  if math.random(10) == 1 then
    return wrk.format("PATCH", c.org .. "/customers/" .. c.pick(ids), c.headers, '{"preferred_language":"' .. languages[math.random(6)] .. '"}')
  end
  return c.pick(reads)
end
