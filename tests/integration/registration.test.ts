import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, EmailTakenError } from "@/lib/users";
import { registerSchema } from "@/lib/validations/auth";

describe("registration", () => {
  it("one email, in any letter case, is one account", async () => {
    const first = registerSchema().parse({
      name: "A",
      email: "Case@Example.com",
      password: "long enough password",
      confirmPassword: "long enough password",
    });
    await createUser({ name: first.name, email: first.email, passwordHash: "x" });
    const second = registerSchema().parse({
      ...first,
      email: " CASE@example.COM",
      confirmPassword: first.password,
    });
    await expect(createUser({ name: "B", email: second.email, passwordHash: "x" })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
  });

  it("parallel registrations of one email create exactly one account; the rest get EmailTakenError", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        createUser({ name: `R${i}`, email: "race@example.com", passwordHash: "x" }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === "rejected")) {
      expect((attempt as PromiseRejectedResult).reason).toBeInstanceOf(EmailTakenError);
    }
    expect(await db.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });

  it("an email with LIKE wildcards matches only itself", async () => {
    await createUser({ name: "W", email: "a_b@example.com", passwordHash: "x" });
    expect(await db.user.findUnique({ where: { email: "axb@example.com" } })).toBeNull();
  });
});
