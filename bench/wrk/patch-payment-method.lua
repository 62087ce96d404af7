package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
-- One account grain write per request: every request carries an IBAN no earlier request used, so
-- none repeats the account's current payment method (which the service answers without a write).
local ids
local counter = 0
setup = c.setup
function init(args) ids = c.lines(os.getenv("BENCH_DATA") .. "/accounts.txt"); c.seed() end
function request()
  counter = counter + 1
  local iban = c.iban("2100081361", string.format("%02d%08d", slot % 100, counter % 100000000))
  return wrk.format("PATCH", c.org .. "/accounts/" .. c.pick(ids) .. "/payment-method", c.headers,
    '{"type":"DIRECT_DEBIT","details":{"iban":"' .. iban .. '"}}')
end
