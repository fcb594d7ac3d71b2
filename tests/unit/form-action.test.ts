// The one wrapper of every form's server action: parse, throttle, run, and answer the known
// failures in the form's words.
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { message } from "@/lib/i18n/message";

const mocks = vi.hoisted(() => ({
  throttleFormByAddress: vi.fn(),
  throttleFormByEmail: vi.fn(),
  requireSession: vi.fn(),
}));
vi.mock("@/lib/form-throttle", () => ({
  throttleFormByAddress: mocks.throttleFormByAddress,
  throttleFormByEmail: mocks.throttleFormByEmail,
  tooManyAttemptsMessage: (seconds: number) =>
    message("throttle.tooManyAttempts", { unit: "second", count: seconds }),
}));
vi.mock("@/lib/dal", () => ({ requireSession: mocks.requireSession }));

const { formAction, signedInFormAction, WRONG_CURRENT_PASSWORD } = await import("@/lib/form-action");
const { HashingBusyError } = await import("@/lib/auth/sign-in-errors");

const schema = z.object({
  email: z.string().check(z.minLength(3, "Too short.")),
  note: z.optional(z.string()),
});
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const idle = { status: "idle" } as const;

beforeEach(() => {
  vi.resetAllMocks();
  mocks.throttleFormByAddress.mockResolvedValue(null);
  mocks.throttleFormByEmail.mockResolvedValue(null);
});

describe("formAction", () => {
  it("answers every field error of the schema, and runs nothing", async () => {
    const run = vi.fn();
    const action = formAction({ schema, run });
    expect(await action(idle, form({ email: "x" }))).toEqual({
      status: "error",
      message: "forms.correctFields",
      fieldErrors: { email: ["Too short."] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("passes the parsed input and every submitted value to the step", async () => {
    const action = formAction({
      schema,
      run: async (input, { values }) => ({
        status: "success",
        message: `${input.email} ${values.callbackUrl}`,
      }),
    });
    expect(await action(idle, form({ email: "ada@x", callbackUrl: "/settings" }))).toEqual({
      status: "success",
      message: "ada@x /settings",
    });
  });

  it("counts the form's address before parsing, its emails after, and runs nothing when limited", async () => {
    const run = vi.fn();
    const limited = { status: "error", message: "Too many attempts." } as const;
    mocks.throttleFormByAddress.mockResolvedValueOnce(limited);
    const schemaFor = vi.fn(() => schema);
    const flooded = formAction({ schema: schemaFor, throttle: { form: "register" }, run });
    expect(await flooded(idle, form({ email: "ada@x" }))).toEqual(limited);
    expect(schemaFor).not.toHaveBeenCalled();

    mocks.throttleFormByEmail.mockResolvedValue({ status: "error", message: "Too many attempts." });
    const action = formAction({
      schema,
      throttle: { form: "register", emails: ({ email }) => [email] },
      run,
    });
    expect(await action(idle, form({ email: "ada@x" }))).toEqual({
      status: "error",
      message: "Too many attempts.",
    });
    expect(mocks.throttleFormByEmail).toHaveBeenCalledWith("register", "ada@x");
    expect(run).not.toHaveBeenCalled();
  });

  it("answers a full hashing pool, a wrong current password and the account's lockout, with the wait", async () => {
    const answers = [
      formAction({ schema, run: async () => Promise.reject(new HashingBusyError(3)) }),
      formAction({ schema, run: async () => ({ refused: "wrong-password" as const }) }),
      formAction({ schema, run: async () => ({ refused: "throttled" as const, retryAfter: 42 }) }),
    ].map((action) => action(idle, form({ email: "ada@x" })));
    expect(await Promise.all(answers)).toEqual([
      { status: "error", message: message("throttle.busy", { unit: "second", count: 3 }), retryAfter: 3 },
      WRONG_CURRENT_PASSWORD,
      {
        status: "error",
        message: message("throttle.tooManyAttempts", { unit: "second", count: 42 }),
        retryAfter: 42,
      },
    ]);
  });

  it("lets redirects and unexpected errors through", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;/x" });
    await expect(
      formAction({ schema, run: async () => Promise.reject(redirect) })(idle, form({ email: "ada@x" })),
    ).rejects.toBe(redirect);
  });

  it("builds typed field errors for the schema's own fields", async () => {
    const action = formAction({
      schema,
      run: async (_input, _request, { fieldError }) => fieldError("email", "Taken."),
    });
    expect(await action(idle, form({ email: "ada@x" }))).toMatchObject({
      fieldErrors: { email: ["Taken."] },
    });
  });
});

describe("signedInFormAction", () => {
  it("requires the session before parsing anything, and hands it to the schema and the step", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;/login" });
    mocks.requireSession.mockRejectedValueOnce(redirect);
    const action = signedInFormAction("/settings", {
      schema: ({ session }) => z.object({ email: z.literal(session.user.email) }),
      run: async (_input, { session }) => ({ status: "success", message: session.sessionId }),
    });
    await expect(action(idle, form({}))).rejects.toBe(redirect);
    expect(mocks.requireSession).toHaveBeenCalledWith("/settings");
    mocks.requireSession.mockResolvedValue({ user: { email: "me@x" }, sessionId: "s1" });
    expect((await action(idle, form({ email: "other@x" }))).status).toBe("error");
    expect(await action(idle, form({ email: "me@x" }))).toEqual({ status: "success", message: "s1" });
  });
});
