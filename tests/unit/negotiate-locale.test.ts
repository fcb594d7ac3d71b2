import { describe, expect, it } from "vitest";
import { negotiateLocale, preferredLocale } from "@/lib/i18n/negotiate";

describe("the request's language", () => {
  it("is the person's choice when it names a language we speak", () => {
    expect(negotiateLocale("ar", "en-GB,en")).toBe("ar");
    expect(negotiateLocale("en", "ar")).toBe("en");
  });

  it("ignores a choice we do not speak and asks the browser", () => {
    expect(negotiateLocale("fr", "ar-EG,ar;q=0.9")).toBe("ar");
    expect(negotiateLocale(undefined, "ar-SA")).toBe("ar");
  });

  it("follows Accept-Language's qualities, then its order", () => {
    expect(preferredLocale("en;q=0.5, ar;q=0.8")).toBe("ar");
    expect(preferredLocale("fr-CA, fr;q=0.9, ar;q=0.4, en;q=0.3")).toBe("ar");
    expect(preferredLocale("ar, en")).toBe("ar");
    expect(preferredLocale("en-US, ar")).toBe("en");
  });

  it("never picks a range the browser refused (q=0), and treats * as English", () => {
    expect(preferredLocale("ar;q=0, de")).toBeNull();
    expect(preferredLocale("de, *;q=0.1")).toBe("en");
  });

  it("is English when the browser names nothing we speak, or nothing at all", () => {
    expect(negotiateLocale(undefined, "de-DE,fr;q=0.8")).toBe("en");
    expect(negotiateLocale(undefined, null)).toBe("en");
    expect(negotiateLocale(undefined, ";;,q=,")).toBe("en");
  });
});
