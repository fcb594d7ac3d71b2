import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { moveLinkTokenToCookie } from "@/lib/auth/link-token";

afterEach(() => vi.unstubAllEnvs());

const request = (url: string, method = "GET") => new NextRequest(url, { method });

describe("moveLinkTokenToCookie", () => {
  it("sends the browser to the page without the token, which waits in a cookie for that page", () => {
    vi.stubEnv("AUTH_URL", "");
    const response = moveLinkTokenToCookie(
      request("http://localhost:3000/reset-password?token=abc&from=mail"),
    );
    expect(response?.status).toBe(303);
    expect(response?.headers.get("location")).toBe("http://localhost:3000/reset-password?from=mail");
    expect(response?.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response?.headers.get("cache-control")).toBe("no-store");
    const cookie = response?.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^latchkey-link-token=abc;/);
    expect(cookie).toMatch(/Path=\/reset-password(;|$)/);
    expect(cookie).toMatch(/Max-Age=3600/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("redirects on AUTH_URL's origin, with a __Secure- cookie under https", () => {
    vi.stubEnv("AUTH_URL", "https://auth.example.com");
    const response = moveLinkTokenToCookie(request("http://10.0.0.7:3000/verify-email?token=abc"));
    expect(response?.headers.get("location")).toBe("https://auth.example.com/verify-email");
    expect(response?.headers.get("set-cookie")).toMatch(/^__Secure-latchkey-link-token=abc;.*Secure/);
  });

  it("keeps at most 128 characters of a token", () => {
    const response = moveLinkTokenToCookie(
      request(`http://localhost/verify-email?token=${"x".repeat(5000)}`),
    );
    expect(response?.headers.get("set-cookie")).toMatch(new RegExp(`=x{128};`));
  });

  it.each([
    ["a page without a token", "http://localhost/reset-password", "GET"],
    ["another page", "http://localhost/login?token=abc", "GET"],
    ["a POST", "http://localhost/reset-password?token=abc", "POST"],
  ])("leaves %s alone", (_, url, method) => {
    expect(moveLinkTokenToCookie(request(url, method))).toBeNull();
  });
});
