import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { message } from "@/lib/i18n/message";
import messages from "@/messages/en.json";

// The banner shows only when sign-in does not require a confirmed address
// (AUTH_REQUIRE_VERIFIED_EMAIL=false), so the e2e suite, which requires one, never sees it.
const { currentUser, sendVerificationEmail, throttleForm } = vi.hoisted(() => ({
  currentUser: vi.fn(),
  sendVerificationEmail: vi.fn(),
  throttleForm: vi.fn(),
}));
vi.mock("@/lib/dal", () => ({
  getCurrentUser: currentUser,
  requireSession: async () => ({ user: await currentUser(), sessionId: "s1" }),
}));
vi.mock("@/lib/auth/email-verification", () => ({ sendVerificationEmail }));
// The banner in English, as next-intl renders it for a request in English.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { default: messages } = await import("@/messages/en.json");
  return {
    getTranslations: async (namespace?: "emailBanner") =>
      createTranslator({ locale: "en", messages, namespace }),
  };
});
vi.mock("@/lib/form-throttle", () => ({
  throttleFormByAddress: async () => null,
  throttleFormByEmail: throttleForm,
  tooManyAttemptsMessage: () => "Too many attempts.",
}));

const { VerifyEmailBanner } = await import("@/components/verify-email-banner");
const { resendVerificationEmail: resendAction } = await import("@/app/(app)/verification-actions");
const resendVerificationEmail = () => resendAction({ status: "idle" }, new FormData());

const user = { id: "u1", name: "Ada", email: "ada@example.com", emailVerified: null, createdAt: new Date() };

beforeEach(() => {
  vi.resetAllMocks();
  throttleForm.mockResolvedValue(null);
});

describe("the unconfirmed-address banner", () => {
  it("offers 'Resend verification email' to a signed-in user whose address is unconfirmed", async () => {
    currentUser.mockResolvedValue(user);
    const html = renderToString(
      <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
        {await VerifyEmailBanner()}
      </NextIntlClientProvider>,
    );
    expect(html).toContain("<strong><bdi>ada@example.com</bdi></strong>");
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Resend verification email<\/button>/);
  });

  it("is not shown once the address is confirmed, nor when signed out", async () => {
    currentUser.mockResolvedValue({ ...user, emailVerified: new Date() });
    expect(await VerifyEmailBanner()).toBeNull();
    currentUser.mockResolvedValue(null);
    expect(await VerifyEmailBanner()).toBeNull();
  });
});

describe("resendVerificationEmail", () => {
  it("sends a new link, at most one a minute and 3 a day", async () => {
    currentUser.mockResolvedValue(user);
    sendVerificationEmail
      .mockResolvedValueOnce("sent")
      .mockResolvedValueOnce("too-soon")
      .mockResolvedValueOnce("daily-limit");
    expect(await resendVerificationEmail()).toEqual({
      status: "success",
      message: message("emailBanner.sent", { email: "ada@example.com" }),
    });
    expect(sendVerificationEmail).toHaveBeenCalledWith(user, { throttle: true });
    expect(await resendVerificationEmail()).toEqual({
      status: "error",
      message: message("emailBanner.tooSoon"),
    });
    expect(await resendVerificationEmail()).toEqual({
      status: "error",
      message: message("emailBanner.dailyCap", { count: 3 }),
    });
  });

  it("sends nothing when the form is throttled or the address is already confirmed", async () => {
    currentUser.mockResolvedValue(user);
    throttleForm.mockResolvedValue({ status: "error", message: "Too many requests." });
    expect(await resendVerificationEmail()).toEqual({ status: "error", message: "Too many requests." });
    throttleForm.mockResolvedValue(null);
    currentUser.mockResolvedValue({ ...user, emailVerified: new Date() });
    expect((await resendVerificationEmail()).status).toBe("success");
    expect(sendVerificationEmail).not.toHaveBeenCalled();
  });
});
