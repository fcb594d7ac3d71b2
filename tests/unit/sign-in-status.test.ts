import { describe, expect, it } from "vitest";
import { withSignInStatus } from "@/lib/auth/sign-in-status";

const failure = (code: string) =>
  `http://localhost:3000/login?${new URLSearchParams({ error: "CredentialsSignin", code })}`;
const redirect = (location: string) =>
  new Response(null, { status: 302, headers: { location, "set-cookie": "authjs.csrf-token=x; Path=/" } });

describe("withSignInStatus", () => {
  it("answers a full hashing pool with 503 and Retry-After", async () => {
    const response = await withSignInStatus(redirect(failure("busy:3")));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.getSetCookie()).toEqual(["authjs.csrf-token=x; Path=/"]);
    expect(await response.json()).toMatchObject({ error: "busy", retryAfter: 3 });
  });

  it("answers a throttled sign-in with 429 and Retry-After, also for X-Auth-Return-Redirect's JSON", async () => {
    const response = await withSignInStatus(Response.json({ url: failure("throttled:120") }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
  });

  it("leaves wrong credentials, unverified accounts and successes as Auth.js answered", async () => {
    for (const location of [
      failure("credentials"),
      failure("unverified"),
      "http://localhost:3000/dashboard",
    ]) {
      const original = redirect(location);
      expect(await withSignInStatus(original)).toBe(original);
    }
  });
});
