import { describe, expect, it } from "vitest";
import { loginSchema, registerSchema } from "@/lib/validations/auth";
import { message } from "@/lib/i18n/message";

const valid = {
  name: "Ada Lovelace",
  email: " Ada@Example.com ",
  password: "correct horse battery staple",
  confirmPassword: "correct horse battery staple",
};

describe("registerSchema", () => {
  it("accepts a valid form and normalises the email", () => {
    const parsed = registerSchema().parse(valid);
    expect(parsed.email).toBe("ada@example.com");
    expect(parsed.name).toBe("Ada Lovelace");
  });

  it("reports every bad field at once", () => {
    const result = registerSchema().safeParse({
      name: "",
      email: "nope",
      password: "short",
      confirmPassword: "x",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["name", "email", "password", "confirmPassword"]));
  });

  it("refuses a name that would break into lines or reorder text in our mails", () => {
    for (const name of ["Ada\n\nReset: https://evil.example", "Ada\rLovelace", "Ada\u2029", "Ada \u202e"]) {
      const result = registerSchema().safeParse({ ...valid, name: `${name} Lovelace` });
      expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["name"]);
    }
    expect(registerSchema().parse({ ...valid, name: "Émile Zola" }).name).toBe("Émile Zola");
  });

  it("requires the confirmation to match", () => {
    const result = registerSchema().safeParse({ ...valid, confirmPassword: valid.password + "!" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["confirmPassword"],
        message: message("validation.passwordsMismatch"),
      }),
    ]);
  });

  it("counts password length in code points", () => {
    const eight = registerSchema({ minLength: 8 });
    const emoji = "🔑".repeat(8); // 8 code points, 16 UTF-16 units
    expect(eight.safeParse({ ...valid, password: emoji, confirmPassword: emoji }).success).toBe(true);
    const seven = "🔑".repeat(7);
    expect(eight.safeParse({ ...valid, password: seven, confirmPassword: seven }).success).toBe(false);
    // The default policy asks for 15: 8 emoji (16 UTF-16 units) are still 8 characters.
    expect(
      registerSchema().safeParse({ ...valid, password: emoji, confirmPassword: emoji }).error?.issues,
    ).toEqual([
      expect.objectContaining({
        path: ["password"],
        message: message("validation.passwordMinLength", { min: 15 }),
      }),
    ]);
  });

  it("refuses oversized input", () => {
    const huge = "x".repeat(1_000_000);
    expect(registerSchema().safeParse({ ...valid, password: huge, confirmPassword: huge }).success).toBe(
      false,
    );
    expect(registerSchema().safeParse({ ...valid, email: `${huge}@example.com` }).success).toBe(false);
    expect(registerSchema().safeParse({ ...valid, name: huge }).success).toBe(false);
  });
});

describe("loginSchema", () => {
  it("parses the remember checkbox from form and client values", () => {
    const base = { email: "a@example.com", password: "whatever" };
    expect(loginSchema.parse({ ...base, remember: "on" }).remember).toBe(true);
    expect(loginSchema.parse({ ...base, remember: true }).remember).toBe(true);
    expect(loginSchema.parse({ ...base, remember: "false" }).remember).toBe(false);
    expect(loginSchema.parse(base).remember).toBe(false);
  });

  it("never trims a password, and refuses a 1 MB one", () => {
    expect(loginSchema.parse({ email: "a@example.com", password: "  spaced  " }).password).toBe("  spaced  ");
    expect(loginSchema.safeParse({ email: "a@example.com", password: "x".repeat(1 << 20) }).success).toBe(
      false,
    );
  });
});
