// The edge gate (middleware.ts) on its own: which requests pass, which are sent to /login or
// answered 401, and that a session cookie that does not decrypt is removed.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const NAME = "__Secure-authjs.session-token";
let middleware: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  middleware = (await import("@/middleware")).default;
});

const token = (secret = SECRET, maxAge = 3600) =>
  encode({ token: { sub: "user_1", sessionSecret: "s3cret" }, secret, salt: NAME, maxAge });

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "https://latchkey.test"), { headers });
}

const passes = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("the edge gate", () => {
  it("sends a signed-out visitor of a protected page to /login, coming back after", async () => {
    const response = await middleware(request("/settings?tab=sessions"));
    expect(response.status).toBe(307);
    const login = new URL(response.headers.get("location")!);
    expect(login.pathname).toBe("/login");
    expect(login.searchParams.get("callbackUrl")).toBe("/settings?tab=sessions");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src [^;]*'nonce-/);
  });

  it("answers a signed-out API call 401 JSON, and leaves a bearer token to the route", async () => {
    const refused = await middleware(request("/api/me"));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "unauthenticated" });
    expect(passes(await middleware(request("/api/me", { authorization: "Bearer lk_pat_x" })))).toBe(true);
  });

  it("lets a valid session token through, and never sets a cookie for it", async () => {
    const response = await middleware(request("/dashboard", { cookie: `${NAME}=${await token()}` }));
    expect(passes(response)).toBe(true);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("removes a session cookie made with another secret, or expired, and refuses it", async () => {
    for (const bad of [
      await token("another-secret-of-at-least-thirty-two-chars"),
      await token(SECRET, -60),
    ]) {
      const response = await middleware(request("/dashboard", { cookie: `${NAME}=${bad}` }));
      expect(response.status).toBe(307);
      expect(response.headers.getSetCookie()).toEqual([
        expect.stringMatching(new RegExp(`^${NAME}=;.*Max-Age=0`)),
      ]);
    }
  });

  it("hides the admin console from the signed out, and lets the signed in reach its own check", async () => {
    const hidden = await middleware(request("/Admin/users"));
    expect(hidden.headers.get("x-middleware-rewrite")).toMatch(/\/__no-such-page__$/);
    const shown = await middleware(request("/admin/users", { cookie: `${NAME}=${await token()}` }));
    expect(passes(shown)).toBe(true);
  });

  it("passes public pages without reading the cookie", async () => {
    const response = await middleware(request("/login", { cookie: `${NAME}=garbage` }));
    expect(passes(response)).toBe(true);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
