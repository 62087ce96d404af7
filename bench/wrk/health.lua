function request() return wrk.format("GET", "/health/live") end
