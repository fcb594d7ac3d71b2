import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import preflight, { parseRateLimitPolicy } from "../../e2e/preflight";
import { MailpitStandIn } from "../helpers/mailpit-stand-in";

describe("parseRateLimitPolicy", () => {
  test("reads the quotas of draft-ietf-httpapi-ratelimit-headers' named policies", () => {
    expect(parseRateLimitPolicy('"sign-in";q=20;w=60, "forms";q=1000;w=900')).toEqual(
      new Map([
        ["sign-in", 20],
        ["forms", 1000],
      ]),
    );
  });

  test("no header, or none it can read: no quotas", () => {
    expect(parseRateLimitPolicy(null).size).toBe(0);
    expect(parseRateLimitPolicy("garbage;w=60").size).toBe(0);
  });
});

// A target that answers as Latchkey does, with the health and policy a test sets.
let target: Server;
let answer = { health: 200, policy: undefined as string | undefined };
let standIn: MailpitStandIn;
const base = () => `http://127.0.0.1:${(target.address() as AddressInfo).port}`;

beforeAll(async () => {
  target = createServer((request, response) => {
    if (request.url === "/api/health") {
      response.writeHead(answer.health, { "Content-Type": "application/json" });
      return response.end(
        JSON.stringify(answer.health === 200 ? { status: "ok" } : { reason: "database unavailable" }),
      );
    }
    const headers: Record<string, string> = { Location: "/api/auth/error?error=MissingCSRF" };
    if (answer.policy) headers["RateLimit-Policy"] = answer.policy;
    response.writeHead(request.url === "/api/auth/callback/credentials" ? 302 : 404, headers);
    response.end();
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  standIn = await MailpitStandIn.start();
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await standIn.close();
  vi.unstubAllEnvs();
});

function against(env: Record<string, string | undefined>) {
  vi.unstubAllEnvs();
  vi.stubEnv("BASE_URL", base());
  for (const [name, value] of Object.entries({
    E2E_MAILPIT_URL: "",
    E2E_SMTP_PORT: "",
    E2E_PREFLIGHT: "",
    ...env,
  })) {
    vi.stubEnv(name, value ?? "");
  }
  return preflight();
}

describe("preflight against a deployment", () => {
  test("a fit target passes: healthy, limits high enough, Mailpit answering", async () => {
    answer = { health: 200, policy: '"sign-in";q=1000;w=60, "forms";q=1000;w=900' };
    await expect(against({ E2E_MAILPIT_URL: standIn.url })).resolves.toBeUndefined();
  });

  test("production limits and no mail: stops, naming each setting to change", async () => {
    answer = { health: 200, policy: '"sign-in";q=20;w=60, "forms";q=20;w=900' };
    const stopped = against({});
    await expect(stopped).rejects.toThrow(
      /RATE_LIMIT_SIGN_IN_PER_ADDRESS is 20: one address needs at least 100/,
    );
    await expect(against({})).rejects.toThrow(/RATE_LIMIT_FORMS_PER_ADDRESS is 20/);
    await expect(against({})).rejects.toThrow(/no mail to read.*E2E_MAILPIT_URL/s);
  });

  test("no policy header, a Mailpit that does not answer, or an unhealthy target: stops", async () => {
    answer = { health: 200, policy: undefined };
    await expect(against({ E2E_MAILPIT_URL: "http://127.0.0.1:9/" })).rejects.toThrow(
      /no RateLimit-Policy header[\s\S]*E2E_MAILPIT_URL: /,
    );
    answer = { health: 503, policy: undefined };
    await expect(against({})).rejects.toThrow(/api\/health answered 503: .*database unavailable/);
  });

  test("E2E_PREFLIGHT=warn runs anyway", async () => {
    answer = { health: 200, policy: '"sign-in";q=20;w=60, "forms";q=20;w=900' };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(against({ E2E_PREFLIGHT: "warn" })).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/running anyway/));
    warn.mockRestore();
  });
});
