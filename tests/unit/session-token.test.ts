// lib/auth/session-token.ts: the session cookie decrypted as Auth.js does it, and remembered for
// the next request only as long as it is valid, and only under the secret that decrypted it.
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionToken } from "@/lib/auth/session-token";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const NAME = "authjs.session-token";
const claims = { sub: "user_1", sessionSecret: "s3cret" };

const jar = (value: string, name = NAME) => ({
  get: (wanted: string) => (wanted === name ? { value } : undefined),
});

afterEach(() => vi.useRealTimers());

describe("the session token", () => {
  it("reads what the cookie carries, under either of Auth.js's names", async () => {
    const secure = "__Secure-authjs.session-token";
    const cookie = await encode({ token: claims, secret: SECRET, salt: secure, maxAge: 60 });
    expect(await readSessionToken(jar(cookie, secure), SECRET)).toEqual(claims);
    // The salt is the name: the same value under the other name does not decrypt.
    expect(await readSessionToken(jar(cookie), SECRET)).toBeNull();
  });

  it("stops reading a remembered cookie once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cookie = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await readSessionToken(jar(cookie), SECRET)).toEqual(claims);
    expect(await readSessionToken(jar(cookie), SECRET)).toEqual(claims);
    vi.setSystemTime(Date.now() + 120_000);
    expect(await readSessionToken(jar(cookie), SECRET)).toBeNull();
  });

  it("never answers from what another secret decrypted", async () => {
    const cookie = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await readSessionToken(jar(cookie), SECRET)).toEqual(claims);
    expect(await readSessionToken(jar(cookie), "another-secret-of-at-least-thirty-two-chars")).toBeNull();
    expect(await readSessionToken(jar(`${cookie.slice(0, -2)}xx`), SECRET)).toBeNull();
  });

  it("puts a cookie split by Auth.js together again", async () => {
    const cookie = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 60 });
    const parts: Record<string, string> = {
      [`${NAME}.0`]: cookie.slice(0, 100),
      [`${NAME}.1`]: cookie.slice(100),
    };
    const chunked = { get: (name: string) => (parts[name] ? { value: parts[name] } : undefined) };
    expect(await readSessionToken(chunked, SECRET)).toEqual(claims);
  });
});
