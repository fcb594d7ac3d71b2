import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("makes every byte count, past bcrypt's 72", async () => {
    const prefix = "a".repeat(72);
    const hash = await hashPassword(`${prefix}-one`);
    expect(await verifyPassword(`${prefix}-one`, hash)).toBe(true);
    expect(await verifyPassword(`${prefix}-two`, hash)).toBe(false);
    expect(await verifyPassword(prefix, hash)).toBe(false);
  });

  it("accepts 64 multi-byte characters (192 bytes) and verifies them", async () => {
    const euros = "€".repeat(64);
    const hash = await hashPassword(euros);
    expect(await verifyPassword(euros, hash)).toBe(true);
    expect(await verifyPassword("€".repeat(63) + "e", hash)).toBe(false);
  });

  it("treats NFC and NFD spellings of one password as the same", async () => {
    const nfc = "café crème brûlée".normalize("NFC");
    const hash = await hashPassword(nfc);
    expect(await verifyPassword(nfc.normalize("NFD"), hash)).toBe(true);
  });

  it("salts: one password, two hashes", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });
});
