import { describe, expect, it } from "vitest";
import { accessFor, can, ROLES, type Permission } from "@/lib/admin/permissions";

const ALL: Permission[] = ["admin:enter", "users:read", "users:manage", "roles:manage", "audit:read"];

describe("roles and permissions", () => {
  it("gives an admin every permission and a user none", () => {
    expect(ROLES).toEqual(["user", "admin"]);
    for (const permission of ALL) {
      expect(can("admin", permission)).toBe(true);
      expect(can("user", permission)).toBe(false);
    }
  });

  it("grants nothing to a role it does not know, whatever the database holds", () => {
    for (const role of ["", "Admin", "root", "__proto__", "constructor"]) {
      for (const permission of ALL) expect(can(role, permission)).toBe(false);
    }
  });

  it("answers 404 to anyone the console is a secret to, 403 only to those who may enter it", () => {
    expect(accessFor(null, "users:read")).toBe("not-found");
    expect(accessFor("user", "admin:enter")).toBe("not-found");
    expect(accessFor("admin", "users:manage")).toBe("allowed");
  });
});
