// The per-address limits the credentials endpoint advertises (RateLimit-Policy), which a QA run's
// pre-flight reads (e2e/preflight.ts): the configured values, on every answer, and a probe
// without a CSRF token counts nothing.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
  process.env.RATE_LIMIT_SIGN_IN_PER_ADDRESS = "1000";
  process.env.RATE_LIMIT_FORMS_PER_ADDRESS = "250";
});
vi.mock("@/lib/mail/send", () => ({ queueMail: () => {} }));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { POST } = await import("@/app/api/auth/[...nextauth]/route");
const { parseRateLimitPolicy } = await import("@/e2e/preflight");
const { postCallback, ORIGIN } = await import("@/tests/helpers/auth-endpoint");
const { database } = await import("@/lib/db/connection");

const POLICY = '"sign-in";q=1000;w=60, "forms";q=250;w=900';
const counted = async () => {
  const { pool } = await database();
  const { rows } = await pool.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "RateLimit") + (SELECT count(*) FROM "SignInFailure") AS n`,
  );
  return Number(rows[0]?.n);
};

describe("RateLimit-Policy on POST /api/auth/callback/credentials", () => {
  it("a probe without a CSRF token: the configured per-address quotas, and nothing counted", async () => {
    const probe = await POST(
      new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "",
      }),
    );
    expect(probe.headers.get("ratelimit-policy")).toBe(POLICY);
    expect(parseRateLimitPolicy(probe.headers.get("ratelimit-policy"))).toEqual(
      new Map([
        ["sign-in", 1000],
        ["forms", 250],
      ]),
    );
    expect(await counted()).toBe(0);
  });

  it("a real failed sign-in keeps its answer and cookies, with the policy beside them", async () => {
    const response = await postCallback({ email: "nobody@example.com", password: "not the password at all" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("error=CredentialsSignin");
    expect(response.headers.get("ratelimit-policy")).toBe(POLICY);
    expect(await counted()).toBeGreaterThan(0);
  });
});
