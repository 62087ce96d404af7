package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local ids
function init(args) ids = c.lines(os.getenv("BENCH_DATA") .. "/accounts.txt"); math.randomseed(os.time()) end
function request() return wrk.format("GET", c.org .. "/accounts/" .. c.pick(ids), c.headers) end
