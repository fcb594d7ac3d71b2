// The form kit's resolver (components/forms/use-server-form.ts): zod loads on first use, and a
// schema that cannot be loaded lets the form go to the server, which checks it anyway.
import { describe, expect, it } from "vitest";
import { lazyResolver } from "@/components/forms/use-server-form";
import { loginSchema } from "@/lib/validations/auth";

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const invalid = { email: "not an email", password: "", remember: false };

describe("the lazy resolver", () => {
  it("checks with a schema that is loaded on first use, once", async () => {
    let loads = 0;
    const { resolver, preload } = lazyResolver(async () => (loads++, loginSchema));
    preload();
    const { errors } = await resolver(invalid, undefined, options);
    expect(Object.keys(errors).sort()).toEqual(["email", "password"]);
    await resolver(invalid, undefined, options);
    expect(loads).toBe(1);
  });

  it("takes a schema as it is, too", async () => {
    const { resolver } = lazyResolver(loginSchema);
    const { values, errors } = await resolver(
      { email: " Ada@Example.com ", password: "x", remember: false },
      undefined,
      options,
    );
    expect(errors).toEqual({});
    expect(values).toMatchObject({ email: "ada@example.com" });
  });

  it("lets the form through unchecked when the schema cannot load, and tries again next time", async () => {
    let attempts = 0;
    const { resolver } = lazyResolver(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return loginSchema;
    });
    expect(await resolver(invalid, undefined, options)).toEqual({ values: invalid, errors: {} });
    expect(Object.keys((await resolver(invalid, undefined, options)).errors)).toContain("email");
    expect(attempts).toBe(2);
  });
});
