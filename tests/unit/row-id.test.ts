import { describe, expect, it } from "vitest";
import { newRowId } from "@/lib/db/row-id";

describe("newRowId", () => {
  it("is shaped like Prisma's cuid(), as the admin console's id checks expect", () => {
    const id = newRowId();
    expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(id).toMatch(/^[a-z0-9]{20,40}$/i);
  });

  it("starts with the time, so later ids sort after earlier ones", () => {
    expect(newRowId(1_000_000_000_000) < newRowId(1_900_000_000_000)).toBe(true);
  });

  it("differs every time", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRowId(1_800_000_000_000)));
    expect(ids.size).toBe(1000);
  });
});
