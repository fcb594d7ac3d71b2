// Signing in with an OpenID Connect provider, against a real one (oidc-provider, started here
// on loopback) through the app's own action and Auth.js route: sign-up, return, what an email
// may and may not do, tampered and replayed callbacks, the second factor, Remember me,
// throttling, and connecting and disconnecting from settings.
import { NextRequest } from "next/server";
import { generate } from "otplib";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { message } from "@/lib/i18n/message";
import type { MailMessage } from "@/lib/mail/send";
import { previousStepCode } from "@/tests/helpers/totp";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
  process.env.AUTH_URL = "http://localhost:3000";
  process.env.RATE_LIMIT_SIGN_IN_PER_ADDRESS = "6";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));

const { startTestOidcProvider, TEST_OIDC_CLIENT } = await import("@/tests/helpers/test-oidc-provider.mjs");
const idp = await startTestOidcProvider({ redirectUris: ["http://localhost:3000/api/auth/callback/oidc"] });
process.env.AUTH_OIDC_ISSUER = idp.issuer;
process.env.AUTH_OIDC_ID = TEST_OIDC_CLIENT.id;
process.env.AUTH_OIDC_SECRET = TEST_OIDC_CLIENT.secret;
process.env.AUTH_OIDC_NAME = "Test ID";
afterAll(() => idp.close());

const { GET } = await import("@/app/api/auth/[...nextauth]/route");
const { GET: me } = await import("@/app/api/me/route");
const { signInWithProvider } = await import("@/app/(auth)/provider-actions");
const { changeEmailAction } = await import("@/app/(app)/settings/actions/email");
const { sendPasswordSetupLinkAction } = await import("@/app/(app)/settings/actions/set-password");
const { deleteAccount } = await import("@/lib/account/delete-account");
const { resetPassword } = await import("@/lib/auth/password-reset");
const { connectProviderAction, disconnectProviderAction } =
  await import("@/app/(app)/settings/actions/connected-accounts");
const { authorizeSecondStep } = await import("@/lib/auth/authorize-second-step");
const { verifyCredentials } = await import("@/lib/auth/credentials");
const { pendingSignInSecret } = await import("@/lib/auth/pending-sign-in-cookie");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { db } = await import("@/lib/db");
const { recordEvent } = await import("@/lib/events/record");
const { getCurrentSession } = await import("@/lib/dal");
const { beginTotpSetup } = await import("@/lib/second-factor/authenticator-app");
const { enableTwoFactor } = await import("@/lib/second-factor/enrolment");
const { hashPassword } = await import("@/lib/auth/password");
const { createUser } = await import("@/lib/users");
const { cookieHeader, cookieJar } = await import("@/tests/helpers/next-headers");
const { ProviderBrowser } = await import("@/tests/helpers/provider-browser");
const { confirmedUser } = await import("@/tests/helpers/users");

const PASSWORD = "a long and unusual passphrase";
const SESSION_COOKIE = "authjs.session-token";
let n = 0;
const unique = (name: string) => `${name}${(n += 1)}-${Date.now()}@example.test`;

/** Where a server action sent the browser. */
async function redirectOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    const { redirectTo } = error as { redirectTo?: string };
    if (redirectTo) return redirectTo;
    throw error;
  }
  throw new Error("the action did not redirect");
}

/** The app's Set-Cookie headers, applied to this browser's cookies (tests/helpers/next-headers). */
function keepCookies(response: Response): void {
  for (const setCookie of response.headers.getSetCookie()) {
    const [pair = ""] = setCookie.split(";");
    const [name = "", ...value] = pair.split("=");
    if (/max-age=0/i.test(setCookie) || value.join("=") === "") cookieJar.delete(name);
    else cookieJar.set(name, value.join("="));
  }
}

// Each test signs in from an address of its own: the per-address throttle counts failures.
let address = "";
async function callback(url: string, ip = address, cookie = cookieHeader()): Promise<Response> {
  const request = new NextRequest(url, {
    headers: { cookie, "x-latchkey-client-ip": ip, "user-agent": "Mozilla/5.0 vitest" },
  });
  const response = await GET(request);
  keepCookies(response);
  return response;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

/** "Sign in with Test ID" on /login, the provider's login screen as `login`: the callback's URL. */
async function startAndLogIn(
  login: string,
  fields: Record<string, string> = {},
  browser = new ProviderBrowser(),
) {
  const authorization = await redirectOf(signInWithProvider(form({ provider: "oidc", ...fields })));
  expect(new URL(authorization).origin).toBe(idp.issuer);
  return browser.signIn(authorization, login);
}

async function signInWithTestId(login: string, fields: Record<string, string> = {}, ip?: string) {
  return callback(await startAndLogIn(login, fields), ip);
}

const where = (response: Response) => {
  const location = new URL(response.headers.get("location") ?? "", "http://localhost:3000");
  return { path: location.pathname, params: Object.fromEntries(location.searchParams) };
};
const sessionCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && !/max-age=0/i.test(cookie));

beforeEach(() => {
  address = `198.51.100.${(n += 1) % 250}`;
  cookieJar.clear();
  sent.length = 0;
});

describe("signing up and in with an OpenID Connect provider", () => {
  it("makes a confirmed, passwordless account from a verified email, and signs the same person in again", async () => {
    const email = unique("new");
    const first = await signInWithTestId(email, { callbackUrl: "/settings?tab=1" });
    expect(first.status).toBe(302);
    expect(where(first)).toEqual({ path: "/settings", params: { tab: "1" } });
    // Remember me was not ticked: a browser-session cookie.
    expect(sessionCookie(first)).toBeDefined();
    expect(sessionCookie(first)).not.toMatch(/expires|max-age/i);
    expect((await me(new Request("http://localhost/api/me"))).status).toBe(200);

    const user = await db.user.findUniqueOrThrow({
      where: { email },
      include: { accounts: true, sessions: true },
    });
    expect(user).toMatchObject({ name: `OIDC ${email.split("@")[0]}`, passwordHash: null });
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.accounts).toHaveLength(1);
    // The identity is the pair, and nothing else of the provider's answer is kept.
    expect(Object.keys(user.accounts[0]!).sort()).toEqual(
      ["createdAt", "id", "provider", "providerAccountId", "type", "updatedAt", "userId"].sort(),
    );
    expect(user.accounts[0]).toMatchObject({ provider: "oidc", type: "oidc", providerAccountId: email });
    expect(user.sessions[0]).toMatchObject({ method: "oidc", factors: ["provider"], remember: false });

    // The same person again, from a new browser, with Remember me: the same account.
    cookieJar.clear();
    const again = await signInWithTestId(email, { remember: "true" });
    expect(where(again).path).toBe("/dashboard");
    expect(sessionCookie(again)).toMatch(/expires=/i);
    expect((await getCurrentSession())?.user.id).toBe(user.id);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
    const events = await db.securityEvent.findMany({ where: { userId: user.id, kind: "sign-in.succeeded" } });
    expect(events.map((event) => event.details)).toEqual([
      { method: "oidc", factors: "provider" },
      { method: "oidc", factors: "provider" },
    ]);
  });

  it("makes nothing from an email the provider did not verify", async () => {
    const email = unique("unverified");
    const response = await signInWithTestId(`${email}#unverified`);
    expect(where(response)).toEqual({
      path: "/login",
      params: { error: "ProviderSignIn", code: "no-verified-email", provider: "oidc" },
    });
    expect(sessionCookie(response)).toBeUndefined();
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.account.count({ where: { providerAccountId: `${email}#unverified` } })).toBe(0);
  });

  it("never signs in to an existing account by its email, verified or not", async () => {
    const email = unique("owner");
    const owner = await confirmedUser({ name: "Owner", email, password: PASSWORD });
    for (const login of [email, `${email}#unverified`]) {
      cookieJar.clear();
      const response = await signInWithTestId(login);
      expect(where(response).path).toBe("/login");
      expect(where(response).params.code).toBe(login === email ? "email-taken" : "no-verified-email");
      expect(sessionCookie(response)).toBeUndefined();
    }
    expect(await db.account.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.user.count({ where: { email } })).toBe(1);
    // The owner's log shows the refused attempt.
    const refused = await db.securityEvent.findFirst({
      where: { userId: owner.id, kind: "provider.refused" },
    });
    expect(refused?.details).toEqual({ provider: "oidc", reason: "email-taken" });
  });

  it("replaces an unconfirmed account someone registered with the address: their password opens nothing", async () => {
    const email = unique("victim");
    const squatter = await createUser({
      name: "Squatter",
      email,
      passwordHash: await hashPassword(PASSWORD, 4),
    });
    await db.authToken.create({
      data: {
        userId: squatter.id,
        purpose: "verify-email",
        email,
        tokenHash: `t-${n}`,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const response = await signInWithTestId(email);
    expect(where(response).path).toBe("/dashboard");
    const now = await db.user.findUniqueOrThrow({ where: { email } });
    expect(now.id).not.toBe(squatter.id);
    expect(now).toMatchObject({ passwordHash: null, name: `OIDC ${email.split("@")[0]}` });
    expect(now.emailVerified).toBeInstanceOf(Date);
    expect(await verifyCredentials(email, PASSWORD)).toBeNull();
    expect(await db.authToken.count({ where: { userId: squatter.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId: squatter.id, kind: "account.replaced" } })).toBe(
      1,
    );
  });
});

describe("an unconfirmed account that has been used", () => {
  it.each([
    ["it has signed in before (confirmation was once not required)", "signed-in"],
    ["it has a passkey", "passkey"],
    ["it is an admin", "admin"],
  ])("is never replaced when %s: the provider sign-in is refused", async (_label, kind) => {
    const email = unique(`used-${kind}`);
    const used = await createUser({ name: "Used", email, passwordHash: await hashPassword(PASSWORD, 4) });
    if (kind === "signed-in") {
      const context = { at: new Date(), ip: null, userAgent: "vitest" };
      await recordEvent({
        kind: "sign-in.succeeded",
        userId: used.id,
        context,
        details: { method: "password" },
      });
    }
    if (kind === "passkey") {
      await db.passkey.create({
        data: {
          userId: used.id,
          credentialId: `c-${email}`,
          publicKey: Buffer.from("k"),
          deviceType: "singleDevice",
          name: "Key",
        },
      });
    }
    if (kind === "admin") await db.user.update({ where: { id: used.id }, data: { role: "admin" } });
    const response = await signInWithTestId(email);
    expect(where(response).path).toBe("/login");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).id).toBe(used.id);
  });
});

describe("the callback", () => {
  it("opens nothing for a tampered state or a replayed callback, and never answers 500", async () => {
    const email = unique("replay");
    const callbackUrl = await startAndLogIn(email);
    const original = cookieHeader();

    const tampered = new URL(callbackUrl);
    tampered.searchParams.set("state", `${tampered.searchParams.get("state")}x`);
    const refused = await callback(tampered.href);
    expect(refused.status).toBe(302);
    expect(where(refused).path).toBe("/login");
    expect(where(refused).params.error).toBeDefined();
    expect(sessionCookie(refused)).toBeUndefined();

    // The real one, with the browser's cookies as they were: signs in, once.
    const real = await callback(callbackUrl, undefined, original);
    expect(where(real).path).toBe("/dashboard");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    // Replayed with the cookies the browser has now (its checks were used up)…
    cookieJar.delete(SESSION_COOKIE);
    const replayed = await callback(callbackUrl);
    // …and with the original ones, state and PKCE included: the provider refuses the used code.
    const captured = await callback(callbackUrl, undefined, original);
    for (const response of [replayed, captured]) {
      expect(response.status).toBe(302);
      expect(where(response).path).toBe("/login");
      expect(sessionCookie(response)).toBeUndefined();
    }
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is throttled per address like password sign-ins, success given back", async () => {
    const ip = "198.51.100.99";
    const email = unique("throttle");
    // Six allowed a minute (RATE_LIMIT_SIGN_IN_PER_ADDRESS above): successes do not count…
    for (let i = 0; i < 3; i += 1) {
      cookieJar.clear();
      expect(where(await signInWithTestId(email, {}, ip)).path).toBe("/dashboard");
    }
    // …failures do, and the seventh callback is refused before anything is checked.
    for (let i = 0; i < 6; i += 1) {
      const bogus = await callback("http://localhost:3000/api/auth/callback/oidc?code=x&state=y", ip);
      expect(where(bogus).params.code ?? "").not.toMatch(/^throttled/);
    }
    const throttled = await callback("http://localhost:3000/api/auth/callback/oidc?code=x&state=y", ip);
    expect(where(throttled).params.code).toMatch(/^throttled:\d+$/);
  });

  it("asks for the second factor before any session when the account has one", async () => {
    const email = unique("twofactor");
    const user = await confirmedUser({ name: "Two", email, password: PASSWORD });
    await db.account.create({
      data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: email },
    });
    await signInWithPassword(email, PASSWORD, false);
    const session = (await getCurrentSession())!;
    const secret = (await beginTotpSetup(user.id))!;
    const code = await previousStepCode(secret);
    await enableTwoFactor(
      user,
      session.sessionId,
      { code, currentPassword: PASSWORD },
      { at: new Date(), ip: null, userAgent: null },
    );
    await db.session.deleteMany({ where: { userId: user.id } });
    cookieJar.clear();

    const response = await signInWithTestId(email, { remember: "true", callbackUrl: "/settings" });
    expect(where(response).path).toBe("/login/two-factor");
    expect(sessionCookie(response)).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const pending = (await pendingSignInSecret())!;
    const finished = await authorizeSecondStep(
      { pending, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) }) },
      new Request("http://localhost:3000/api/auth/callback/two-factor", { method: "POST" }),
    );
    expect(finished?.id).toBe(user.id);
    expect(await db.session.findFirst({ where: { userId: user.id } })).toMatchObject({
      method: "oidc",
      factors: ["provider", "totp"],
      remember: true,
    });
  });
});

describe("connected accounts", () => {
  const connect = (fields: Record<string, string>) =>
    connectProviderAction({ status: "idle" }, form({ provider: "oidc", ...fields })).then(
      (state) => ({ state }),
      (error: { redirectTo?: string }) =>
        error.redirectTo ? { redirectTo: error.redirectTo } : Promise.reject(error),
    );
  const disconnect = () =>
    disconnectProviderAction({ status: "idle" }, form({ provider: "oidc" })).catch(
      (error: { redirectTo?: string }) =>
        error.redirectTo ? { redirectTo: error.redirectTo } : Promise.reject(error),
    );
  const age = (minutes: number) =>
    db.session.updateMany({ data: { createdAt: new Date(Date.now() - minutes * 60_000) } });

  it("connects after the current password, never an identity another account has, and disconnects", async () => {
    const email = unique("connect");
    const user = await confirmedUser({ name: "Connect", email, password: PASSWORD });
    await signInWithPassword(email, PASSWORD, false);
    await age(10); // not a fresh sign-in: the password is asked for
    expect(await connect({})).toMatchObject({
      state: { fieldErrors: { currentPassword: expect.any(Array) } },
    });
    expect(await connect({ currentPassword: "wrong password here" })).toMatchObject({
      state: { fieldErrors: { currentPassword: [message("validation.wrongCurrentPassword")] } },
    });
    const started = await connect({ currentPassword: PASSWORD });
    if (!("redirectTo" in started)) throw new Error(`not started: ${JSON.stringify(started)}`);
    // The identity at the provider has a different email: the identity is what is connected.
    const other = unique("elsewhere");
    const back = await callback(await new ProviderBrowser().signIn(started.redirectTo, other));
    expect(where(back)).toEqual({ path: "/settings", params: { connect: "connected", provider: "oidc" } });
    expect(sessionCookie(back)).toBeUndefined(); // the same session goes on
    expect(await db.account.findFirst({ where: { userId: user.id } })).toMatchObject({
      providerAccountId: other,
    });
    expect(sent.map((mail) => mail.subject)).toContain("Latchkey: Test ID was connected to your account");

    // Signing in with it now reaches this account.
    cookieJar.clear();
    expect(where(await signInWithTestId(other)).path).toBe("/dashboard");
    expect((await getCurrentSession())?.user.id).toBe(user.id);

    // Another account cannot take the same identity.
    cookieJar.clear();
    const second = unique("second");
    await confirmedUser({ name: "Second", email: second, password: PASSWORD });
    await signInWithPassword(second, PASSWORD, false);
    const attempt = await connect({});
    if (!("redirectTo" in attempt)) throw new Error("not started");
    const refused = await callback(await new ProviderBrowser().signIn(attempt.redirectTo, other));
    expect(where(refused).params.connect).toBe("belongs-to-another");
    expect(await db.account.count({ where: { providerAccountId: other } })).toBe(1);

    // Back to the first account: disconnect, with its password still a way in.
    cookieJar.clear();
    await signInWithPassword(email, PASSWORD, false);
    expect(await disconnect()).toEqual({
      redirectTo: "/settings?connect=disconnected&provider=oidc#connected-accounts",
    });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    const kinds = await db.securityEvent.findMany({ where: { userId: user.id }, select: { kind: true } });
    expect(kinds.map((event) => event.kind)).toEqual(
      expect.arrayContaining(["provider.connected", "provider.disconnected"]),
    );
  });

  it("refuses to disconnect the last way to sign in, and a stale connect flow connects nothing", async () => {
    const email = unique("onlyway");
    await signInWithTestId(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await disconnect()).toMatchObject({
      status: "error",
      message: message("settings.connectedAccounts.lastWayIn", { provider: "Test ID" }),
    });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
    // With a passkey it may go.
    await db.passkey.create({
      data: {
        userId: user.id,
        credentialId: `c-${n}`,
        publicKey: Buffer.from("k"),
        deviceType: "singleDevice",
        name: "Key",
      },
    });
    expect(await disconnect()).toMatchObject({ redirectTo: expect.stringContaining("connect=disconnected") });

    // A fresh session needs no password to connect; an old one of a passwordless account signs in again.
    await age(10);
    expect(await connect({})).toMatchObject({
      state: {
        status: "error",
        message: message("settings.connectedAccounts.signInAgainHint", { minutes: 5 }),
      },
    });
    await age(0);
    const started = await connect({});
    if (!("redirectTo" in started)) throw new Error("not started");
    const login = await new ProviderBrowser().signIn(started.redirectTo, email);
    // The session that started it has ended meanwhile: nothing is connected.
    await db.session.deleteMany({ where: { userId: user.id } });
    const late = await callback(login);
    expect(where(late).params.connect).toBe("expired");
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("an account without a password", () => {
  const idle = { status: "idle" } as const;
  const staleSessions = (userId: string) =>
    db.session.updateMany({ where: { userId }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });

  it("sets a password through a link mailed to its own address", async () => {
    const email = unique("setpassword");
    await signInWithTestId(email);
    expect(await sendPasswordSetupLinkAction(idle, form({}))).toMatchObject({ status: "success" });
    const mail = sent.find((message) => message.subject === "Latchkey: Set a password for your account");
    expect(mail?.to).toBe(email);
    const token = new URL(/https?:\/\/\S+\/reset-password\S*/.exec(mail!.text)![0]).searchParams.get(
      "token",
    )!;
    expect(await resetPassword(token, PASSWORD, { at: new Date(), ip: null, userAgent: null })).toBe(true);
    expect((await verifyCredentials(email, PASSWORD))?.email).toBe(email);
    // Once it has one, the form says so.
    cookieJar.clear();
    await signInWithPassword(email, PASSWORD, false);
    expect(await sendPasswordSetupLinkAction(idle, form({}))).toMatchObject({ status: "error" });
  });

  it("proves sensitive changes by a fresh sign-in instead of a password, and says so when it is not fresh", async () => {
    const email = unique("nopassword");
    await signInWithTestId(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    // Fresh: no password field, and the change goes ahead.
    const fresh = await changeEmailAction(idle, form({ newEmail: unique("moved") }));
    expect(fresh).toMatchObject({ status: "success" });
    await staleSessions(user.id);
    const stale = await changeEmailAction(idle, form({ newEmail: unique("moved") }));
    expect(stale).toMatchObject({
      status: "error",
      message: message("settings.freshSignIn.signInAgain", { minutes: 5 }),
    });
    const { sessionId } = (await getCurrentSession())!;
    const context = { at: new Date(), ip: null, userAgent: null };
    expect(await deleteAccount(user, "", context, sessionId)).toEqual({ refused: "sign-in-again" });
    // Signing in again with the provider makes it fresh.
    cookieJar.clear();
    await signInWithTestId(email);
    const again = (await getCurrentSession())!;
    expect(await deleteAccount(user, "", context, again.sessionId)).toBe("deleted");
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });
});
