import { describe, expect, it } from "vitest";
import { withSessionCookiePolicy, withoutExpiry } from "@/lib/auth/session-cookie";

const session =
  "__Secure-authjs.session-token=abc; Path=/; Expires=Wed, 21 Dec 2026 00:00:00 GMT; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax";
const deletion = "authjs.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
const csrf = "__Host-authjs.csrf-token=xyz; Path=/; HttpOnly; Secure; SameSite=Lax";

function respond(...cookies: string[]) {
  const headers = new Headers();
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response("body", { status: 302, headers });
}

describe("session cookie policy", () => {
  it("strips Expires and Max-Age and nothing else", () => {
    expect(withoutExpiry(session)).toBe(
      "__Secure-authjs.session-token=abc; Path=/; HttpOnly; Secure; SameSite=Lax",
    );
  });

  it("drops a refreshed session cookie outside sign-in, keeping deletions and other cookies", async () => {
    const response = withSessionCookiePolicy(respond(session, csrf), { kind: "read" });
    expect(response.headers.getSetCookie()).toEqual([csrf]);
    expect(response.status).toBe(302);
    expect(await response.text()).toBe("body");
    expect(withSessionCookiePolicy(respond(deletion), { kind: "read" }).headers.getSetCookie()).toEqual([
      deletion,
    ]);
  });

  it("keeps the sign-in cookie persistent only when remembered", () => {
    const remembered = withSessionCookiePolicy(respond(session), { kind: "sign-in", remember: true });
    expect(remembered.headers.getSetCookie()).toEqual([session]);
    const forgotten = withSessionCookiePolicy(respond(session), { kind: "sign-in", remember: false });
    expect(forgotten.headers.getSetCookie()[0]).not.toMatch(/expires|max-age/i);
  });
});
