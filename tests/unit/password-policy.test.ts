import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { registerSchema } from "@/lib/validations/auth";
import {
  COMMON_PASSWORD_MESSAGE,
  CONTEXT_WORD_MESSAGE,
  contextWords,
  newPasswordFieldFor,
  type PasswordPolicy,
} from "@/lib/validations/password-policy";
import { passwordStrength } from "@/lib/validations/password-strength";

const server: PasswordPolicy = { minLength: 15, isCommon: isCommonPassword };
const field = newPasswordFieldFor(server);
const problem = (password: string, policy: PasswordPolicy = server) =>
  newPasswordFieldFor(policy)
    .safeParse(password)
    .error?.issues.map((issue) => issue.message);

const form = (password: string, extra: Record<string, string> = {}) => ({
  name: "Ada Lovelace",
  email: "ada.lovelace@example.com",
  password,
  confirmPassword: password,
  ...extra,
});

describe("password length", () => {
  it("refuses 14 characters and accepts 15 by default", () => {
    expect(problem("a7#kq0-zvp3m!rt")).toBeUndefined(); // 15
    expect(problem("a7#kq0-zvp3m!r")).toEqual(["Use at least 15 characters."]); // 14
  });

  it("counts code points, not UTF-16 units: 8 emoji are 8 characters", () => {
    const emoji = "🔑🦊🌍🎲🧩🚲🍋🎈";
    expect(emoji.length).toBe(16);
    expect(problem(emoji)).toEqual(["Use at least 15 characters."]);
    expect(problem(emoji, { minLength: 8 })).toBeUndefined();
    expect(problem("🔑🦊🌍🎲🧩🚲🍋", { minLength: 8 })).toEqual(["Use at least 8 characters."]);
  });

  it("accepts 64 euro signs, and any script, up to 256 characters", () => {
    expect(field.safeParse("€".repeat(64)).success).toBe(true);
    expect(field.safeParse("пароль-из-кириллицы-и-знаков").success).toBe(true);
    expect(field.safeParse("パスワードは長いほうが安全です").success).toBe(true);
    expect(field.safeParse("x".repeat(256)).success).toBe(true);
    expect(field.safeParse("x".repeat(257)).success).toBe(false);
  });

  it("counts the NFC and NFD forms of one password alike", () => {
    const nfc = "crème brûlée à la fête".normalize("NFC");
    const nfd = nfc.normalize("NFD");
    expect(nfd.length).toBeGreaterThan(nfc.length);
    expect(field.safeParse(nfc).success).toBe(true);
    expect(field.safeParse(nfd).success).toBe(true);
    // 14 accented characters are 14, however many code units their NFD form takes.
    const short = "éèêëéèêëéèêëéè".normalize("NFD");
    expect(short.length).toBe(28);
    expect(problem(short)).toEqual(["Use at least 15 characters."]);
  });

  it("never allows a minimum below 8", () => {
    expect(problem("abc1234", { minLength: 4 })).toEqual(["Use at least 8 characters."]);
  });

  it("has no composition rules", () => {
    expect(field.safeParse("all lower case words here").success).toBe(true);
  });
});

describe("common passwords", () => {
  it("knows the 10,000 most common, in any letter case, and not the rest", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("mailcreated5240")).toBe(true); // one of the few of 15+ characters
    expect(isCommonPassword("correct horse battery staple")).toBe(false);
  });

  it("refuses them with the reason", () => {
    expect(problem("mailcreated5240")).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(problem("Password1", { minLength: 8, isCommon: isCommonPassword })).toEqual([
      COMMON_PASSWORD_MESSAGE,
    ]);
    expect(problem("Basketball", { minLength: 8, isCommon: isCommonPassword })).toEqual([
      COMMON_PASSWORD_MESSAGE,
    ]);
  });

  it("is not checked where the list is not given (the browser)", () => {
    expect(problem("mailcreated5240", { minLength: 15 })).toBeUndefined();
  });
});

describe("context words", () => {
  it("lists the product, the email, its local part, the name and their longer words", () => {
    expect(contextWords(["ada.lovelace@example.com", "Ada Lovelace"]).sort()).toEqual(
      ["ada lovelace", "ada.lovelace", "ada.lovelace@example.com", "latchkey", "lovelace"].sort(),
    );
  });

  it("refuses a password containing the email, its local part, the name or “latchkey”, in any case", () => {
    const schema = registerSchema(server);
    for (const password of [
      "ada.lovelace@example.com",
      "ADA.LOVELACE-is-my-password",
      "my name is ada lovelace",
      "lovelace lovelace lovelace",
      "Latchkey-password-2026",
      "mylatchkeyisasecret",
    ]) {
      const issues = schema.safeParse(form(password)).error?.issues ?? [];
      expect(issues, password).toEqual([
        expect.objectContaining({ path: ["password"], message: CONTEXT_WORD_MESSAGE }),
      ]);
    }
  });

  it("accepts passwords that only share short fragments or the domain", () => {
    const schema = registerSchema(server);
    expect(schema.safeParse(form("adamant example glove 42")).success).toBe(true);
  });

  it("checks a signed-in user's email and name given as the policy's context", () => {
    const policy = { ...server, context: ["grace@example.com", "Grace Hopper"] };
    expect(problem("hopper-and-the-moth-bug", policy)).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(problem("a moth in relay seventy", policy)).toBeUndefined();
  });
});

describe("strength meter", () => {
  it("says in words how strong a password is", () => {
    expect(passwordStrength("", 15).label).toBe("");
    expect(passwordStrength("short", 15).label).toBe("Too short (5 of 15 characters)");
    expect(passwordStrength("aaaaaaaaaaaaaaaaaaaa", 15).label).toBe("Weak");
    expect(passwordStrength("my latchkey password", 15).label).toBe("Weak");
    expect(passwordStrength("quiet harbor lamp", 15).label).toBe("Fair");
    expect(passwordStrength("correct horse battery staple", 15).label).toBe("Strong");
  });
});

describe("the same rules at reset and change", () => {
  it("applies the policy's length, list and the user's context", async () => {
    const { resetPasswordSchemaFor } = await import("@/lib/validations/account");
    const { changePasswordSchemaFor } = await import("@/lib/validations/settings");
    const reset = resetPasswordSchemaFor(server);
    const messages = (result: { error?: { issues: { message: string }[] } }) =>
      result.error?.issues.map((issue) => issue.message);
    const resetWith = (password: string) =>
      reset.safeParse({ token: "t", newPassword: password, confirmPassword: password });
    expect(messages(resetWith("a7#kq0-zvp3m!r"))).toEqual(["Use at least 15 characters."]);
    expect(messages(resetWith("mailcreated5240"))).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(resetWith("€".repeat(64)).success).toBe(true);

    const change = changePasswordSchemaFor({ ...server, context: ["grace@example.com", "Grace Hopper"] });
    const changeTo = (password: string) =>
      change.safeParse({ currentPassword: "old one", newPassword: password, confirmPassword: password });
    expect(messages(changeTo("grace-hopper-rules-1906"))).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(messages(changeTo("latchkey latchkey latchkey"))).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(changeTo("a moth in relay seventy").success).toBe(true);
  });
});
