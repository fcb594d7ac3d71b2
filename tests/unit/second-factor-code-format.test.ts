import { describe, expect, it } from "vitest";
import { appCode, normaliseRecoveryCode } from "@/lib/second-factor/code-format";
import { manageTwoFactorSchema, secondStepSchema } from "@/lib/validations/two-factor";
import { message } from "@/lib/i18n/message";

describe("the Authentication code field", () => {
  it("reads six digits as an app's code, spaces forgiven", () => {
    expect(appCode("123456")).toBe("123456");
    expect(appCode(" 123 456 ")).toBe("123456");
    expect(appCode("12345")).toBeNull();
    expect(appCode("1234567")).toBeNull();
    expect(appCode("12345a")).toBeNull();
  });

  it("reads a recovery code whatever its case, spacing and look-alike letters", () => {
    expect(normaliseRecoveryCode("abcd-efgh-jkmn-pqrs")).toBe("abcdefghjkmnpqrs");
    expect(normaliseRecoveryCode(" ABCD EFGH JKMN PQRS ")).toBe("abcdefghjkmnpqrs");
    expect(normaliseRecoveryCode("0Oo1-iIlL-2345-6789")).toBe("0001111123456789");
    expect(normaliseRecoveryCode("abcd-efgh-jkmn-pqr")).toBeNull(); // too short
    expect(normaliseRecoveryCode("abcd-efgh-jkmn-pqru")).toBeNull(); // u is not in the alphabet
  });

  it("refuses anything else with one clear message, before any database work", () => {
    for (const code of ["", "12345", "not a code", "x".repeat(65)]) {
      const parsed = secondStepSchema.safeParse({ pending: "secret", code });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(message("secondFactor.codeHelp"));
    }
    expect(secondStepSchema.safeParse({ pending: "", code: "123456" }).success).toBe(false);
  });

  it("needs the password and a code to manage two-factor, whatever the button", () => {
    expect(
      manageTwoFactorSchema.safeParse({ currentPassword: "pw", code: "123456", intent: "disable" }).success,
    ).toBe(true);
    expect(
      manageTwoFactorSchema.safeParse({ currentPassword: "pw", code: "", intent: "disable" }).success,
    ).toBe(false);
    expect(
      manageTwoFactorSchema.safeParse({ currentPassword: "pw", code: "123456", intent: "drop" }).success,
    ).toBe(false);
  });
});
