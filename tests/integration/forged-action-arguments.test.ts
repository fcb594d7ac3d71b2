// Every server action is a public endpoint: a caller can send any serialisable value where the
// form's FormData belongs. Each must answer as it does to a bad form, never crash with a 500.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentSession } from "@/lib/dal";

const mocks = vi.hoisted(() => {
  const redirectError = (redirectTo: string) => Object.assign(new Error("NEXT_REDIRECT"), { redirectTo });
  return {
    session: null as CurrentSession | null,
    redirectError,
    signIn: vi.fn(async () => undefined),
    signOut: vi.fn(async ({ redirectTo }: { redirectTo: string }) => {
      throw redirectError(redirectTo);
    }),
  };
});
const signedIn = () => {
  if (!mocks.session) throw mocks.redirectError("/login");
  return mocks.session;
};
vi.mock("@/lib/dal", () => ({
  getCurrentSession: async () => mocks.session,
  getCurrentUser: async () => mocks.session?.user ?? null,
  requireSession: async () => signedIn(),
  requireUser: async () => signedIn().user,
}));
vi.mock("@/auth", () => ({ signIn: mocks.signIn, signOut: mocks.signOut, auth: async () => null }));
vi.mock("next/navigation", () => ({
  redirect: (redirectTo: string) => {
    throw mocks.redirectError(redirectTo);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock("@/lib/request-context", () => ({
  securityContext: async () => ({ at: new Date(), ip: "198.51.100.7", userAgent: "vitest" }),
}));

const { login } = await import("@/app/(auth)/login/actions");
const { register } = await import("@/app/(auth)/register/actions");
const { requestPasswordReset } = await import("@/app/(auth)/forgot-password/actions");
const { resetPasswordAction } = await import("@/app/(auth)/reset-password/actions");
const { confirmEmail } = await import("@/app/(auth)/verify-email/actions");
const { signOutAction } = await import("@/app/(app)/actions");
const { resendVerificationEmail } = await import("@/app/(app)/verification-actions");
const { saveProfile } = await import("@/app/(app)/settings/actions/profile");
const { changeEmailAction } = await import("@/app/(app)/settings/actions/email");
const { changePasswordAction } = await import("@/app/(app)/settings/actions/password");
const { deleteAccountAction } = await import("@/app/(app)/settings/actions/delete-account");
const { revokeOtherSessionsAction, revokeSessionAction } =
  await import("@/app/(app)/settings/actions/sessions");
const { verifyTwoFactor } = await import("@/app/(auth)/login/two-factor/actions");
const { enableTwoFactorAction, manageTwoFactorAction, startTwoFactorSetupAction } =
  await import("@/app/(app)/settings/actions/two-factor");
const { passkeyRowAction } = await import("@/app/(app)/settings/actions/passkeys");
const { createAccessTokenAction, revokeAccessTokenAction } =
  await import("@/app/(app)/settings/actions/access-tokens");
const { createUser } = await import("@/lib/users");

const FORGED: [string, unknown][] = [
  ["an array", [1, 2]],
  [
    "an array of pairs",
    [
      ["email", "ada@example.com"],
      ["password", "a password"],
    ],
  ],
  ["a plain object", { email: "ada@example.com", password: "a password", get: () => "x" }],
  ["a string", "email=ada@example.com&password=a+password"],
  ["null", null],
  ["undefined", undefined],
  ["a number", 42],
];

type Answer = { state: unknown } | { redirectTo: string };

/** What the action answered: a state, or the redirect Next.js would follow; anything else throws. */
async function answerOf(run: () => Promise<unknown>): Promise<Answer> {
  try {
    return { state: await run() };
  } catch (error) {
    const redirectTo = (error as { redirectTo?: unknown } | null)?.redirectTo;
    if (error instanceof Error && error.message === "NEXT_REDIRECT" && typeof redirectTo === "string") {
      return { redirectTo };
    }
    throw error;
  }
}

const idle = { status: "idle" } as const;
const refused = { state: expect.objectContaining({ status: "error", message: expect.any(String) }) };

// Called as the browser would, with the forged value where the FormData goes.
type Call = (forged: unknown) => Promise<unknown>;
const asForm = (action: (previous: typeof idle, formData: FormData) => Promise<unknown>): Call => {
  return (forged) => action(idle, forged as FormData);
};
const formActions: [string, Call][] = [
  ["login", asForm(login)],
  ["register", asForm(register)],
  ["requestPasswordReset", asForm(requestPasswordReset)],
  ["resetPasswordAction", asForm(resetPasswordAction)],
  ["confirmEmail", asForm(confirmEmail)],
  ["saveProfile", asForm(saveProfile)],
  ["changeEmailAction", asForm(changeEmailAction)],
  ["changePasswordAction", asForm(changePasswordAction)],
  ["deleteAccountAction", asForm(deleteAccountAction)],
  ["verifyTwoFactor", asForm(verifyTwoFactor)],
  ["enableTwoFactorAction", asForm(enableTwoFactorAction)],
  ["manageTwoFactorAction", asForm(manageTwoFactorAction)],
  ["passkeyRowAction", asForm(passkeyRowAction)],
  ["createAccessTokenAction", asForm(createAccessTokenAction)],
];

beforeAll(async () => {
  const user = await createUser({ name: "Forger", email: "forger@example.com", passwordHash: "x" });
  mocks.session = { user: { ...user, emailVerified: new Date() }, sessionId: "forged-session-id" };
});

describe.each(FORGED)("a server action called with %s", (_label, forged) => {
  it.each(formActions)("%s answers a form error", async (_name, call) => {
    expect(await answerOf(() => call(forged))).toEqual(refused);
  });

  it("revokeAccessTokenAction redirects back to the settings page", async () => {
    const answer = await answerOf(() => revokeAccessTokenAction(forged as FormData));
    expect(answer).toEqual({ redirectTo: expect.stringMatching(/^\/settings\b.*token-not-found/) });
  });

  it("revokeSessionAction redirects back to the settings page", async () => {
    const answer = await answerOf(() => revokeSessionAction(forged as FormData));
    expect(answer).toEqual({ redirectTo: expect.stringMatching(/^\/settings\b.*not-found/) });
  });

  it("the actions that take no arguments ignore it", async () => {
    // Forged arguments go where a caller could send them, even when the action declares none.
    const untyped = (action: (...args: never[]) => Promise<unknown>) => () =>
      (action as (...args: unknown[]) => Promise<unknown>)(forged, forged);
    expect(await answerOf(untyped(resendVerificationEmail))).toEqual({
      state: expect.objectContaining({ status: expect.stringMatching(/^(success|error)$/) }),
    });
    expect(await answerOf(untyped(revokeOtherSessionsAction))).toEqual({
      redirectTo: expect.stringMatching(/^\/settings\b/),
    });
    expect(await answerOf(untyped(startTwoFactorSetupAction))).toEqual({
      redirectTo: expect.stringMatching(/^\/settings\b/),
    });
    expect(await answerOf(untyped(signOutAction))).toEqual({
      redirectTo: expect.stringMatching(/^\/login\b/),
    });
  });
});
