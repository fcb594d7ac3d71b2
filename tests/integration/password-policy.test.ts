import { describe, expect, it } from "vitest";
import { resetLinkContext, serverPasswordPolicy } from "@/lib/auth/password-policy";
import { issueToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/users";
import { resetPasswordSchemaFor } from "@/lib/validations/account";
import { CONTEXT_WORD_MESSAGE } from "@/lib/validations/password-policy";

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
