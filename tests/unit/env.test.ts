import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("needs nothing in development", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ BCRYPT_COST: 12, SESSION_MAX_AGE: 43_200, TRUST_PROXY: 0 });
  });

  it("requires AUTH_SECRET in production with a database server, and says how to make one", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/app" })).toThrow(
      /AUTH_SECRET is required in production: generate one with `openssl rand -base64 33`/,
    );
  });

  it("requires EMAIL_SERVER in production unless confirmation is switched off on purpose", () => {
    const deployed = {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/app",
      AUTH_SECRET: "s".repeat(32),
    };
    expect(() => parseEnv(deployed)).toThrow(/EMAIL_SERVER is required in production/);
    expect(() => parseEnv({ ...deployed, AUTH_REQUIRE_VERIFIED_EMAIL: "false" })).not.toThrow();
    expect(() => parseEnv({ ...deployed, EMAIL_SERVER: "smtp://mail.example.com:587" })).not.toThrow();
    // A local `npm start` on the embedded database needs no mail server.
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });

  it("names every bad variable at once", () => {
    let message = "";
    try {
      parseEnv({
        DATABASE_URL: "mysql://db/app",
        AUTH_SECRET: "short",
        BCRYPT_COST: "40",
        TRUST_PROXY: "yes",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "BCRYPT_COST", "TRUST_PROXY"]) {
      expect(message).toContain(`- ${name} `);
    }
    expect(message).toContain(".env.example");
  });

  it("treats empty values as unset and parses flags and numbers", () => {
    const env = parseEnv({ DATABASE_URL: "", AUTH_URL: "", TRUST_PROXY: "true", SESSION_MAX_AGE: "60" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_URL).toBeUndefined();
    expect(env).toMatchObject({ TRUST_PROXY: 1, SESSION_MAX_AGE: 60 });
  });

  it("reads TRUST_PROXY as a number of trusted proxy hops, and refuses anything else", () => {
    const hops = (value: string) => parseEnv({ TRUST_PROXY: value }).TRUST_PROXY;
    expect(["", "false", "0", "true", "1", "2"].map(hops)).toEqual([0, 0, 0, 1, 1, 2]);
    for (const value of ["yes", "-1", "1.5"]) {
      expect(() => hops(value)).toThrow(
        "TRUST_PROXY must be `true` (one trusted proxy), `false`, or a whole number of trusted proxy hops",
      );
    }
  });

  it("takes each sign-in provider whole or not at all, and says what is missing", () => {
    const message = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ AUTH_GITHUB_ID: "id" })).toContain(
      "- AUTH_GITHUB_SECRET is required when AUTH_GITHUB_ID is set",
    );
    expect(message({ AUTH_GOOGLE_SECRET: "s" })).toContain(
      "- AUTH_GOOGLE_ID is required when AUTH_GOOGLE_SECRET is set",
    );
    const oidc = message({ AUTH_OIDC_ISSUER: "https://id.example.com", AUTH_OIDC_ID: "id" });
    expect(oidc).toContain("- AUTH_OIDC_SECRET is required when AUTH_OIDC_ISSUER and AUTH_OIDC_ID is set");
    expect(message({ AUTH_OIDC_NAME: "Example ID" })).toContain("- AUTH_OIDC_NAME ");
    expect(
      message({ AUTH_OIDC_ISSUER: "keycloak.example.com", AUTH_OIDC_ID: "i", AUTH_OIDC_SECRET: "s" }),
    ).toContain("- AUTH_OIDC_ISSUER must be the issuer's URL");
    // Clear text to the issuer only on this machine, in production.
    const plain = { AUTH_OIDC_ISSUER: "http://id.example.com", AUTH_OIDC_ID: "i", AUTH_OIDC_SECRET: "s" };
    expect(message({ ...plain, NODE_ENV: "production" })).toContain("must be an https:// URL in production");
    expect(message({ ...plain, NODE_ENV: "production", AUTH_OIDC_ISSUER: "http://127.0.0.1:3399" })).toBe("");
    expect(message({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret", AUTH_GOOGLE_ID: "" })).toBe("");
  });
});
