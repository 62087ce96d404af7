package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local ids
function init(args) ids = c.lines(os.getenv("BENCH_DATA") .. "/customers.txt"); c.seed() end
function request() return wrk.format("GET", c.org .. "/customers/" .. c.pick(ids), c.headers) end
