package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
-- Each thread creates customers with NIFs from its own range, never seeded and never repeated.
local counter = 0
local base
local threads = 0
function setup(thread) threads = threads + 1; thread:set("slot", threads) end
function init(args) base = 40000000 + slot * 1000000 + (tonumber(os.getenv("BENCH_RUN")) or 0) * 100000 end
function request()
  counter = counter + 1
  local body = '{"type":"PRIVATE_CUSTOMER","preferred_language":"es","segment":"CONSUMER",'
    .. '"contact_info":{"phone_numbers":[{"country_code":"+34","number":"615667898","type":"MOBILE"}]},'
    .. '"personal_info":{"identity_document":{"number":"' .. c.nif(base + counter) .. '","type":"NIF"},'
    .. '"name":"Bench","first_surname":"Post","nationality":"ES"}}'
  return wrk.format("POST", c.org .. "/customers", c.headers, body)
end
