package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local ids
local bodies = {
  '{"type":"BANK_TRANSFER","details":{}}',
  '{"type":"DIRECT_DEBIT","details":{"iban":"ES7921000813610123456789"}}',
}
function init(args) ids = c.lines(os.getenv("BENCH_DATA") .. "/accounts.txt"); math.randomseed(os.time()) end
function request()
  return wrk.format("PATCH", c.org .. "/accounts/" .. c.pick(ids) .. "/payment-method", c.headers, bodies[math.random(2)])
end
