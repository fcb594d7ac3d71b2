// One load scenario for bench/run.mjs, run in a process of its own so the load generator
// never shares an event loop (or a CPU timeslice it controls) with the app or the orchestrator.
// Usage: node bench/load.mjs '<json spec>'; prints one JSON result on stdout.
import autocannon from "autocannon";

const spec = JSON.parse(process.argv[2] ?? "{}");

/** Options shared by every scenario. */
function base() {
  return {
    url: spec.origin,
    connections: spec.connections,
    duration: spec.duration,
    timeout: 30,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
  };
}

function header(headers, name) {
  const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
  const value = key ? headers[key] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

function summary(result, extra = {}) {
  const statuses = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    durationSeconds: result.duration,
    latency: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.mean,
      max: result.latency.max,
    },
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    ...extra,
  };
}

async function get() {
  const result = await autocannon({
    ...base(),
    requests: [{ method: "GET", path: spec.path, headers: spec.headers ?? {} }],
  });
  return summary(result);
}

/**
 * Sign-ins under `spec.connections` at once. successesPerSecond counts only those that end
 * after `spec.warmupSeconds` (default 0): the pool's workers start and compile bcryptjs first.
 */
async function signIn() {
  let successes = 0;
  let counted = 0;
  let failures = 0;
  let next = 0;
  const startedAt = performance.now();
  const countFrom = startedAt + (spec.warmupSeconds ?? 0) * 1000;
  const result = await autocannon({
    ...base(),
    requests: [
      {
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: spec.cookie },
        setupRequest(request) {
          // A different seeded account each time, as many people signing in would be.
          const email = spec.emails[next++ % spec.emails.length];
          const body = new URLSearchParams({
            csrfToken: spec.csrfToken,
            email,
            password: spec.password,
            callbackUrl: "/dashboard",
          });
          return { ...request, body: body.toString() };
        },
        onResponse(status, _body, _context, headers) {
          const location = header(headers, "location") ?? "";
          if (status === 302 && !location.includes("error=")) {
            successes += 1;
            if (performance.now() >= countFrom) counted += 1;
          } else if (status === 302) failures += 1;
        },
      },
    ],
  });
  const seconds = (performance.now() - countFrom) / 1000;
  return summary(result, { successes, failedSignIns: failures, successesPerSecond: counted / seconds });
}

const scenarios = { get, "sign-in": signIn };
const run = scenarios[spec.kind];
if (!run) throw new Error(`unknown scenario ${spec.kind}`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
