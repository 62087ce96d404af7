package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
-- Each thread creates customers with NIFs from its own range, never seeded and never repeated: a run
-- (BENCH_RUN, 0 to 59) owns a million numbers and each of its threads (at most ten) a hundred thousand
-- of them, so no run repeats another's values and every number keeps a NIF's eight digits.
setup = c.setup
local counter = 0
local base
function init(args)
  local run = tonumber(os.getenv("BENCH_RUN")) or 0
  assert(run >= 0 and run <= 59 and slot <= 10, "BENCH_RUN must be 0 to 59, with at most 10 threads")
  base = 40000000 + run * 1000000 + (slot - 1) * 100000
end
function request()
  counter = counter + 1
  local body = '{"type":"PRIVATE_CUSTOMER","preferred_language":"es","segment":"CONSUMER",'
    .. '"contact_info":{"phone_numbers":[{"country_code":"+34","number":"615667898","type":"MOBILE"}]},'
    .. '"personal_info":{"identity_document":{"number":"' .. c.nif(base + counter) .. '","type":"NIF"},'
    .. '"name":"Bench","first_surname":"Post","gender":"OTHER","nationality":"ES","birthdate":"1980-01-01"}}'
  return wrk.format("POST", c.org .. "/customers", c.headers, body)
end
