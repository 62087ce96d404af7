-- Every customer read once, in one random order shared by the threads, each thread taking every
-- n-th of it: on a silo just started each request is the first touch of its grain.
-- Arguments after `--`: the number of wrk threads. A thread leaves a file in $BENCH_DATA when it has
-- handed out all its reads and another when it has had all their answers; bench/run.sh then
-- interrupts wrk. The pass's rate is taken from the first request to the last answer (done()
-- prints it), so the wait for the interrupt, or for an answer a dropped connection lost, is not in it.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } cold_timespec;
  int clock_gettime(int clock, cold_timespec *at);
]]
local at = ffi.new("cold_timespec")
local function now()
  ffi.C.clock_gettime(1, at) -- CLOCK_MONOTONIC: one clock for every thread
  return tonumber(at.tv_sec) + tonumber(at.tv_nsec) * 1e-9
end

local data = os.getenv("BENCH_DATA")
local function mark(what) io.open(data .. "/cold." .. what .. "." .. slot, "w"):close() end

local threads = {}
function setup(thread)
  c.setup(thread)
  threads[#threads + 1] = thread
end

local requests, sent
function init(args)
  local ids = c.lines(data .. "/customers.txt")
  math.randomseed(20261202)
  for i = #ids, 2, -1 do
    local j = math.random(i)
    ids[i], ids[j] = ids[j], ids[i]
  end
  requests = {}
  for i = slot, #ids, tonumber(args[1]) do
    requests[#requests + 1] = wrk.format("GET", c.org .. "/customers/" .. ids[i], c.headers)
  end
  sent, answered, reads = 0, 0, #requests
  -- Before the run wrk calls request() once on its first thread, to check what it returns: that
  -- call is handed a copy of the first read, so that it does not use one up.
  if slot == 1 then
    requests[0] = requests[1]
    sent = -1
  end
end

-- A connection whose thread has handed out all its reads waits instead of sending another.
function delay()
  if sent >= #requests then return 3600000 end
  return 0
end

function request()
  sent = sent + 1
  if sent == 1 then first_at = now() end
  if sent == #requests then mark("sent") end
  return requests[sent]
end

function response()
  answered = answered + 1
  last_at = now()
  if answered == #requests then mark("answered") end
end

function done()
  local first, last, answers, reads = math.huge, 0, 0, 0
  for _, thread in ipairs(threads) do
    first = math.min(first, thread:get("first_at") or math.huge)
    last = math.max(last, thread:get("last_at") or 0)
    answers = answers + (thread:get("answered") or 0)
    reads = reads + (thread:get("reads") or 0)
  end
  local seconds = last - first
  io.write(string.format("cold pass: %d of %d answered in %.1f s, %.0f req/s\n",
    answers, reads, seconds, seconds > 0 and answers / seconds or 0))
end
