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

function M.pick(items)
  return items[math.random(#items)]
end

M.headers = { ["X-API-Key"] = M.key, ["Content-Type"] = "application/json" }

local letters = "TRWAGMYFPDXBNJZSQVHLCKE"
function M.nif(number)
  local i = number % 23 + 1
  return tostring(number) .. letters:sub(i, i)
end

return M
