-- Replays pre-signed unified orders (made by com.aggpay.bench.PresignRequests, one "<Authorization>\t<body>" line
-- each) through the gateway, each exactly once, and counts the answers by HTTP status. Used by wrk.sh:
--   wrk -t 2 -c 32 -d 30s --latency -s deploy/bench/presigned.lua http://127.0.0.1:8080 -- <file> <threads>
-- Note: wrk is closed-loop. Each connection sends its next request only when the previous one was answered, so a
-- slow platform lowers the offered load and wrk's latencies leave out the queueing it caused (coordinated
-- omission). It is an independent check of throughput; run.sh (open model) is the one to judge latency by.
-- wrk's Lua is LuaJIT (5.1): every thread has its own state, so each reads the file in init() and takes every
-- <threads>-th line from its own offset, and done() collects the threads' counts through the setup() handles.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  if file == nil or count == nil then
    error("usage: -s presigned.lua <url> -- <file of pre-signed requests> <wrk threads>")
  end
  presigned = {}
  local line_no = 0
  for line in io.lines(file) do
    if line_no % count == id then
      local tab = line:find("\t", 1, true)
      presigned[#presigned + 1] = wrk.format("POST", "/api/v1/pay/orders",
        { ["Content-Type"] = "application/json", ["Authorization"] = line:sub(1, tab - 1) }, line:sub(tab + 1))
    end
    line_no = line_no + 1
  end
  cursor = 0
  exhausted = 0
  statuses = {}
end

function request()
  cursor = cursor + 1
  local r = presigned[cursor]
  if r == nil then
    -- out of pre-signed requests: a replay would only be refused (NONCE_REPLAYED), so stop this thread instead
    exhausted = exhausted + 1
    wrk.thread:stop()
    return wrk.format("GET", "/readyz")
  end
  return r
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals, keys, ran_out = {}, {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      if totals[status] == nil then
        keys[#keys + 1] = status
      end
      totals[status] = (totals[status] or 0) + n
    end
    ran_out = ran_out + thread:get("exhausted")
  end
  table.sort(keys)
  local seconds = summary.duration / 1e6
  local ok = totals["201"] or 0
  io.write("\n-- aggpay (presigned.lua) --\n")
  io.write(string.format("creates answered 201: %d, %.1f/s over %.1f s\n", ok, ok / seconds, seconds))
  io.write("answers by HTTP status:\n")
  for _, status in ipairs(keys) do
    io.write(string.format("  %s: %d\n", status, totals[status]))
  end
  local e = summary.errors
  io.write(string.format("non-2xx or socket errors: status>399 %d, connect %d, read %d, write %d, timeout %d\n",
    e.status, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  if ran_out > 0 then
    io.write("WARNING: a thread ran out of pre-signed requests and stopped early; wrk's rates are too low. "
      .. "Run again with a larger --count.\n")
  end
end
