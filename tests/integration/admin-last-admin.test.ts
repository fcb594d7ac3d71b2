// The console always keeps an active admin: the last-admin check and the change happen in one
// transaction holding every admin's row, so two admins demoting (or locking) each other at once
// leave one of them. Run it on the real server too (TEST_DATABASE_URL), where the two
// transactions truly overlap; the embedded database runs them one after the other.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as Permissions from "@/lib/admin/permissions";

// A third role, as lib/admin/permissions.ts describes it: staff who may lock accounts but not
// give roles. Admins and users keep the real map.
vi.mock("@/lib/admin/permissions", async (importOriginal) => {
  const actual = await importOriginal<typeof Permissions>();
  const ROLES = [...actual.ROLES, "support"] as const;
  const SUPPORT: string[] = ["admin:enter", "users:read", "users:manage", "audit:read"];
  return {
    ...actual,
    ROLES,
    isRole: (value: unknown) => ROLES.includes(value as (typeof ROLES)[number]),
    can: (role: string, permission: string) =>
      role === "support"
        ? SUPPORT.includes(permission)
        : actual.can(role, permission as Permissions.Permission),
  };
});

const { lockUser } = await import("@/lib/admin/account-lock");
const { changeRole } = await import("@/lib/admin/role-change");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");

const context = { at: new Date(), ip: null, userAgent: "vitest" };
let n = 0;

async function account(role: string) {
  n += 1;
  const user = await createUser({ name: `Guard ${n}`, email: `guard${n}@example.com`, passwordHash: "x" });
  await db.user.update({ where: { id: user.id }, data: { role } });
  return user;
}

const activeAdmins = () =>
  db.user.findMany({ where: { role: "admin", disabledAt: null }, select: { id: true } });

beforeEach(async () => {
  // Each test starts with no admin but those it makes.
  await db.user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
});

describe("the last active admin", () => {
  it("survives two admins demoting each other at once: one demotion wins, the other is refused", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
      const [a, b] = [await account("admin"), await account("admin")];
      const results = await Promise.all([
        changeRole({ id: a.id }, b.id, "user", context),
        changeRole({ id: b.id }, a.id, "user", context),
      ]);
      expect(results.sort()).toEqual(["changed", "not-permitted"]);
      expect(await activeAdmins()).toHaveLength(1);
      expect(
        await db.securityEvent.count({ where: { kind: "role.changed", userId: { in: [a.id, b.id] } } }),
      ).toBe(1);
    }
  });

  it("survives two admins locking each other at once, and a lock crossing a demotion", async () => {
    const [a, b] = [await account("admin"), await account("admin")];
    const locks = await Promise.all([
      lockUser({ id: a.id }, b.id, context),
      lockUser({ id: b.id }, a.id, context),
    ]);
    expect(locks.sort()).toEqual(["locked", "not-permitted"]);
    expect(await activeAdmins()).toHaveLength(1);

    await db.user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
    const [c, d] = [await account("admin"), await account("admin")];
    const crossed = await Promise.all([
      lockUser({ id: c.id }, d.id, context),
      changeRole({ id: d.id }, c.id, "user", context),
    ]);
    expect(crossed.filter((result) => result === "locked" || result === "changed")).toHaveLength(1);
    expect(await activeAdmins()).toHaveLength(1);
  });

  it("cannot be locked by someone who may lock accounts, nor can they give roles", async () => {
    const admin = await account("admin");
    const support = await account("support");
    expect(await lockUser({ id: support.id }, admin.id, context)).toBe("last-admin");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ disabledAt: null });
    expect(await changeRole({ id: support.id }, support.id, "admin", context)).toBe("self");
    const user = await account("user");
    expect(await changeRole({ id: support.id }, user.id, "admin", context)).toBe("not-permitted");

    // With a second active admin, either of them may be locked.
    const second = await account("admin");
    expect(await lockUser({ id: support.id }, admin.id, context)).toBe("locked");
    expect(await lockUser({ id: support.id }, second.id, context)).toBe("last-admin");
    expect(await activeAdmins()).toEqual([{ id: second.id }]);
  });

  it("counts only active admins: a locked admin is not the one left", async () => {
    const [a, b] = [await account("admin"), await account("admin")];
    expect(await lockUser({ id: a.id }, b.id, context)).toBe("locked");
    const c = await account("user");
    expect(await changeRole({ id: a.id }, c.id, "admin", context)).toBe("changed");
    expect(await changeRole({ id: c.id }, a.id, "user", context)).toBe("changed");
    expect(await changeRole({ id: a.id }, c.id, "user", context)).toBe("not-permitted");
    expect(await activeAdmins()).toEqual([{ id: c.id }]);
  });
});
