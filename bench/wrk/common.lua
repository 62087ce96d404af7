-- Shared by the workloads: the org under test, the API key, and the seeded ids read once per thread.
local M = {}

M.key = os.getenv("BENCH_KEY")
M.org = "/v4/orgs/bench"

function M.lines(path)
  local items = {}
  for line in io.lines(path) do
    if #line > 0 then items[#items + 1] = line end
  end
  return items
end

-- Each wrk thread draws its own random sequence: threads seeded alike would send the same requests.
local threads = 0
function M.setup(thread) threads = threads + 1; thread:set("slot", threads) end
function M.seed() math.randomseed(os.time() * 100 + (slot or 0)) end

function M.pick(items)
  return items[math.random(#items)]
end

-- A read workload's requests, formatted once per thread before the run: per request the generator
-- then only hands over a prepared string, as the ceiling's script does, instead of building one in
-- Lua (about 8 us of the shared cores per request, a fifth of a hot read's cost).
function M.prepare(file, path)
  local requests = {}
  for _, item in ipairs(M.lines(os.getenv("BENCH_DATA") .. "/" .. file)) do
    requests[#requests + 1] = wrk.format("GET", path(item), M.headers)
  end
  return requests
end

M.headers = { ["X-API-Key"] = M.key, ["Content-Type"] = "application/json" }

local letters = "TRWAGMYFPDXBNJZSQVHLCKE"
function M.nif(number)
  local i = number % 23 + 1
  return tostring(number) .. letters:sub(i, i)
end

-- A Spanish IBAN for bank and branch digits plus a 10-digit account number (ISO 13616 mod 97).
function M.iban(bank, account)
  local digits = bank .. account .. "142800"
  local remainder = 0
  for i = 1, #digits do remainder = (remainder * 10 + tonumber(digits:sub(i, i))) % 97 end
  return string.format("ES%02d%s%s", 98 - remainder, bank, account)
end

-- A customer patch that no earlier request of the run sent: a new name, so that every request
-- writes (a patch sending the values the customer has is answered without a write).
local renamed = 0
function M.renaming()
  renamed = renamed + 1
  return string.format('{"personal_info":{"name":"Bench %d-%d"}}', slot or 0, renamed)
end

return M
