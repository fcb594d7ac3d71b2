import { describe, expect, it } from "vitest";
import { message } from "@/lib/i18n/message";
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  profileSchema,
} from "@/lib/validations/settings";

const fieldsIn = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  new Set(result.error?.issues.map((issue) => issue.path[0]));

describe("/settings schemas", () => {
  it("profile: trims the name and refuses a blank one", () => {
    expect(profileSchema.parse({ name: "  Ada " })).toEqual({ name: "Ada" });
    expect(fieldsIn(profileSchema.safeParse({ name: "   " }))).toEqual(new Set(["name"]));
  });

  it("profile: a name is one line, in any script", () => {
    for (const name of [
      "Ada\nLovelace",
      "Ada\r\nUnlock: https://evil.example",
      "Ada\u2028Lovelace",
      "\u202eecalevoL",
    ]) {
      expect(profileSchema.safeParse({ name }).error?.issues).toEqual([
        expect.objectContaining({
          path: ["name"],
          message: message("validation.nameOneLine"),
        }),
      ]);
    }
    for (const name of [
      "Zoë Åkesson-Núñez",
      "محمد عبد الله",
      "山田 太郎",
      "Nguyễn Thị Minh Khai",
      "علی\u200cرضا",
    ]) {
      expect(profileSchema.parse({ name })).toEqual({ name });
    }
  });

  it("password: needs the current one, a valid new one, a matching confirmation, and a change", () => {
    const valid = {
      currentPassword: "old password",
      newPassword: "Quartz-Lantern-Orbit-58",
      confirmPassword: "Quartz-Lantern-Orbit-58",
    };
    expect(changePasswordSchema.safeParse(valid).success).toBe(true);
    expect(fieldsIn(changePasswordSchema.safeParse({}))).toEqual(
      new Set(["currentPassword", "newPassword", "confirmPassword"]),
    );
    expect(fieldsIn(changePasswordSchema.safeParse({ ...valid, confirmPassword: "other" }))).toEqual(
      new Set(["confirmPassword"]),
    );
    const same = {
      currentPassword: "Same-Quartz-Lantern-58",
      newPassword: "Same-Quartz-Lantern-58",
      confirmPassword: "Same-Quartz-Lantern-58",
    };
    expect(fieldsIn(changePasswordSchema.safeParse(same))).toEqual(new Set(["newPassword"]));
    // The current password is never trimmed: spaces are part of it.
    expect(changePasswordSchema.parse({ ...valid, currentPassword: " old " }).currentPassword).toBe(" old ");
  });

  it("email: normalises the new address and bounds the password", () => {
    expect(changeEmailSchema.parse({ newEmail: " New@Example.COM ", currentPassword: "pw" }).newEmail).toBe(
      "new@example.com",
    );
    expect(
      fieldsIn(changeEmailSchema.safeParse({ newEmail: "nope", currentPassword: "x".repeat(1000) })),
    ).toEqual(new Set(["newEmail", "currentPassword"]));
  });

  it("delete: needs the password and the confirmation step's marker", () => {
    expect(deleteAccountSchema.safeParse({ currentPassword: "pw", confirm: "delete" }).success).toBe(true);
    expect(fieldsIn(deleteAccountSchema.safeParse({ currentPassword: "pw", confirm: "" }))).toEqual(
      new Set(["confirm"]),
    );
    expect(fieldsIn(deleteAccountSchema.safeParse({ confirm: "delete" }))).toEqual(
      new Set(["currentPassword"]),
    );
  });
});
