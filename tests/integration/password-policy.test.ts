import { describe, expect, it } from "vitest";
import { resetLinkContext, serverPasswordPolicy } from "@/lib/auth/password-policy";
import { issueToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/users";
import { resetPasswordSchemaFor } from "@/lib/validations/account";
import { registerSchema } from "@/lib/validations/auth";
import { message } from "@/lib/i18n/message";
import { COMMON_PASSWORD_MESSAGE, CONTEXT_WORD_MESSAGE } from "@/lib/validations/password-policy";
import { changePasswordSchemaFor } from "@/lib/validations/settings";

describe("the password policy at reset", () => {
  it("holds a reset to the account's context words, found from the link", async () => {
    const user = await createUser({ name: "Grace Hopper", email: "grace@example.com", passwordHash: "x" });
    const secret = await issueToken({
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: 60,
    });
    expect(await resetLinkContext(secret)).toEqual(["grace@example.com", "Grace Hopper"]);
    const schema = resetPasswordSchemaFor(serverPasswordPolicy(await resetLinkContext(secret)));
    const attempt = (password: string) =>
      schema.safeParse({ token: secret, newPassword: password, confirmPassword: password });
    expect(attempt("admiral hopper 1906 cobol").error?.issues).toEqual([
      expect.objectContaining({ path: ["newPassword"], message: CONTEXT_WORD_MESSAGE }),
    ]);
    expect(attempt("a moth in relay seventy").success).toBe(true);
    // zxcvbn is given the same words: the name in l33t, which containment alone misses.
    expect(attempt("grac3 h0pp3r 1906").error?.issues).toEqual([
      expect.objectContaining({ path: ["newPassword"], message: CONTEXT_WORD_MESSAGE }),
    ]);
  });

  it("refuses long guessable passwords with one reason, the same at registration, reset and change", async () => {
    const user = await createUser({ name: "Ada Lovelace", email: "ada@example.com", passwordHash: "x" });
    const secret = await issueToken({
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: 60,
    });
    const register = registerSchema(serverPasswordPolicy());
    const reset = resetPasswordSchemaFor(serverPasswordPolicy(await resetLinkContext(secret)));
    const change = changePasswordSchemaFor(serverPasswordPolicy([user.email, user.name]));
    const reasons = (password: string) =>
      [
        register.safeParse({ name: user.name, email: user.email, password, confirmPassword: password }),
        reset.safeParse({ token: secret, newPassword: password, confirmPassword: password }),
        change.safeParse({
          currentPassword: "the old one",
          newPassword: password,
          confirmPassword: password,
        }),
      ].map((result) => result.error?.issues.map((issue) => issue.message));
    const same = (reason: string) => [[reason], [reason], [reason]];
    const guessable = (warning: string, suggestion: string) =>
      message("validation.passwordGuessable", { warning, suggestion });

    expect(reasons("passwordpassword")).toEqual(same(guessable("extendedRepeat", "anotherWord")));
    expect(reasons("qwertyuiop12345")).toEqual(same(guessable("similarToCommon", "anotherWord")));
    expect(reasons("123456789012345")).toEqual(same(guessable("similarToCommon", "anotherWord")));
    expect(reasons("mailcreated5240")).toEqual(same(COMMON_PASSWORD_MESSAGE));
    expect(reasons("lovelacelovelace2026")).toEqual(same(CONTEXT_WORD_MESSAGE));
    expect(reasons("correct horse battery staple")).toEqual([undefined, undefined, undefined]);
  });

  it("has no context for an unknown, malformed or other-purpose link", async () => {
    const user = await createUser({ name: "Other", email: "other@example.com", passwordHash: "x" });
    const verify = await issueToken({
      userId: user.id,
      email: user.email,
      purpose: "verify-email",
      ttlSeconds: 60,
    });
    expect(await resetLinkContext(verify)).toEqual([]);
    expect(await resetLinkContext("nope")).toEqual([]);
    expect(await resetLinkContext(["x"])).toEqual([]);
    expect(await resetLinkContext("x".repeat(1000))).toEqual([]);
  });
});
