package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
-- Read-heavy: 90 % GET customer, 10 % PATCH customer.
local ids
local languages = { "es", "ca", "gl", "eu", "en", "pt" }
function init(args) ids = c.lines(os.getenv("BENCH_DATA") .. "/customers.txt"); c.seed() end
function request()
  local id = c.pick(ids)
  if math.random(10) == 1 then
    return wrk.format("PATCH", c.org .. "/customers/" .. id, c.headers, '{"preferred_language":"' .. languages[math.random(6)] .. '"}')
  end
  return wrk.format("GET", c.org .. "/customers/" .. id, c.headers)
end
