-- Prepared once, like every read workload's requests: the ceiling and the workloads cost the
-- generator alike per request.
local prepared
function init(args) prepared = wrk.format("GET", "/health/live") end
function request() return prepared end
