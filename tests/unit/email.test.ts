import { describe, expect, it } from "vitest";
import { normalizeEmail } from "@/lib/email";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM \n")).toBe("ada.lovelace@example.com");
  });

  it("applies NFKC, so compatibility forms match their plain letters", () => {
    // Fullwidth letters and the "ﬁ" ligature are NFKC-equivalent to ASCII.
    expect(normalizeEmail("ＡＤＡ@example.com")).toBe("ada@example.com");
    expect(normalizeEmail("oﬁce@example.com")).toBe("ofice@example.com");
  });

  it("keeps underscores and percent signs literal (no pattern matching anywhere)", () => {
    expect(normalizeEmail("A_B%c@example.com")).toBe("a_b%c@example.com");
  });
});
