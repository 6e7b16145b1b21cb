-- A mix of timeline, filter and event requests for wrk:
--   wrk -t2 -c16 -d30s -s tests/load/mix.lua http://127.0.0.1:8000
-- With several app servers on this host (LOAD_PORTS="8100 8101"), wrk's threads are shared out
-- among their ports in turn, each thread's connections going to one server:
--   LOAD_PORTS="8100 8101" wrk -t2 -c16 -d30s -s tests/load/mix.lua http://127.0.0.1:8100
local ports = {}
for port in (os.getenv("LOAD_PORTS") or ""):gmatch("%d+") do ports[#ports + 1] = port end
local threads = 0

setup = function(thread)
  if #ports > 1 then
    threads = threads + 1
    thread.addr = wrk.lookup(wrk.host, ports[(threads - 1) % #ports + 1])[1]
  end
end
local paths = {
  "/",
  "/?page=3",
  "/?thread=storyline-3&stance=denial&date_from=2017-01-01&date_to=2020-12-31",
  "/?q=tankestri",
  "/?date_from=2022-09-01&date_to=2022-12-31",
  "/events/event-1200/",
  "/events/event-54321/",
  "/events/event-99000/",
}
local htmx = { ["HX-Request"] = "true", ["HX-Target"] = "results" }
local n = 0

request = function()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  local headers = { ["X-Forwarded-Proto"] = "https" }
  if path:find("?", 1, true) and n % 2 == 0 then
    for k, v in pairs(htmx) do headers[k] = v end
  end
  return wrk.format("GET", path, headers)
end

response = function(status, headers, body)
  if status ~= 200 and status ~= 404 then
    io.stderr:write("status " .. status .. "\n")
  end
end
