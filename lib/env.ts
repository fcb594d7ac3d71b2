import "server-only";
import { z } from "zod";
import { TRUST_PROXY_RULE, trustProxyHops } from "@/lib/client-address.mjs";

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((value) =>
      value === undefined || value === "" ? fallback : value === "true" || value === "1",
    );
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalText = z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional());
// Set by the platform on Vercel (hence not in .env.example); any value means Vercel.
const vercel = z
  .string()
  .optional()
  .transform((value) => Boolean(value));

const MAKE_SECRET = "generate one with `openssl rand -base64 33`";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// connection string" }).optional(),
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATA_DIR: z.string().min(1).default(".data"),
    AUTH_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, `must be at least 32 characters: ${MAKE_SECRET}`).optional(),
    ),
    AUTH_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
    // Seals authenticator-app secrets (lib/second-factor/secret-box.ts); AUTH_SECRET when unset.
    SECOND_FACTOR_KEY: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, `must be at least 32 characters: ${MAKE_SECRET}`).optional(),
    ),
    // Keys that sealed secrets before a rotation, comma-separated: still opened, resealed on use.
    SECOND_FACTOR_PREVIOUS_KEYS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((key) => key.trim())
          .filter(Boolean),
      ),
    EMAIL_SERVER: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
    EMAIL_FROM: z.string().default("Latchkey <no-reply@localhost>"),
    AUTH_REQUIRE_VERIFIED_EMAIL: flag(true),
    VERIFY_EMAIL_TOKEN_TTL: seconds(24 * 3600),
    RESET_PASSWORD_TOKEN_TTL: seconds(3600),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Trusted proxy hops in front of server.mjs, parsed as server.mjs parses them.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const hops = trustProxyHops(value);
        if (hops === null) ctx.addIssue({ code: "custom", message: TRUST_PROXY_RULE });
        return hops ?? 0;
      }),
    BCRYPT_COST: z.coerce.number().int().min(4).max(17).default(12),
    // NIST SP 800-63B-4: at least 15 for a password used alone; never below 8.
    PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8, "must be at least 8").max(64).default(15),
    RATE_LIMIT_SIGN_IN_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_FORMS_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_FORMS_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    // Hashing jobs that may wait for a worker; past this, sign-in and registration answer 503.
    HASH_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(32),
    SESSION_MAX_AGE: seconds(12 * 3600),
    SESSION_IDLE_TIMEOUT: seconds(2 * 3600),
    SESSION_REMEMBER_MAX_AGE: seconds(30 * 24 * 3600),
    SESSION_REMEMBER_IDLE_TIMEOUT: seconds(7 * 24 * 3600),
    // Serves /dev/error, whose button throws on purpose (end-to-end tests of the error page).
    ERROR_DRILL: flag(false),
    SECURITY_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
    // Sign-in providers (lib/providers/config.ts): each is on when its variables are set.
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    AUTH_GOOGLE_ID: optionalText,
    AUTH_GOOGLE_SECRET: optionalText,
    AUTH_OIDC_ISSUER: z.preprocess(
      emptyAsUndefined,
      z
        .url({
          protocol: /^https?$/,
          error: "must be the issuer's URL, such as https://keycloak.example.com/realms/latchkey",
        })
        .optional(),
    ),
    AUTH_OIDC_ID: optionalText,
    AUTH_OIDC_SECRET: optionalText,
    AUTH_OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(40).optional()),
    VERCEL: vercel,
  })
  .superRefine((env, ctx) => {
    providerPairs(env, ctx);
    // A deployment: production on its own database (a local `npm start` runs on the embedded one).
    const deployed = env.NODE_ENV === "production" && Boolean(env.DATABASE_URL || env.VERCEL);
    if (deployed && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: `is required in production: ${MAKE_SECRET}`,
      });
    }
    // Without mail no one could confirm an address, so no one could ever sign in.
    if (deployed && !env.EMAIL_SERVER && env.AUTH_REQUIRE_VERIFIED_EMAIL) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_SERVER"],
        message:
          "is required in production, where sign-in needs a confirmed email address: set it to your SMTP " +
          "server (smtp://user:password@host:587), or set AUTH_REQUIRE_VERIFIED_EMAIL=false to run without mail on purpose",
      });
    }
  });

export type Env = z.infer<typeof schema>;

type ProviderVariables = Partial<Record<`AUTH_${"GITHUB" | "GOOGLE" | "OIDC"}_${string}`, string>> & {
  NODE_ENV: string;
};

/**
 * A provider is configured with all of its variables or none: half a configuration (an id
 * without its secret) stops the start instead of leaving a button that cannot work.
 */
function providerPairs(env: ProviderVariables, ctx: z.RefinementCtx): void {
  const groups = {
    GITHUB: ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
    GOOGLE: ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    OIDC: ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
  } as const;
  for (const names of Object.values(groups)) {
    const set = names.filter((name) => env[name] !== undefined);
    if (set.length === 0 || set.length === names.length) continue;
    for (const name of names.filter((name) => env[name] === undefined)) {
      ctx.addIssue({ code: "custom", path: [name], message: `is required when ${set.join(" and ")} is set` });
    }
  }
  if (env.AUTH_OIDC_NAME && !env.AUTH_OIDC_ISSUER) {
    ctx.addIssue({
      code: "custom",
      path: ["AUTH_OIDC_NAME"],
      message: "names the OpenID Connect provider's button: set AUTH_OIDC_ISSUER, _ID and _SECRET too",
    });
  }
  // Discovery, tokens and user info travel to the issuer: in clear text only on this machine.
  const issuer =
    env.AUTH_OIDC_ISSUER && URL.canParse(env.AUTH_OIDC_ISSUER) ? new URL(env.AUTH_OIDC_ISSUER) : null;
  if (issuer?.protocol === "http:" && env.NODE_ENV === "production" && !isLoopback(issuer.hostname)) {
    ctx.addIssue({
      code: "custom",
      path: ["AUTH_OIDC_ISSUER"],
      message: "must be an https:// URL in production (http:// only for localhost)",
    });
  }
}

const isLoopback = (host: string) => host === "localhost" || host === "[::1]" || /^127\./.test(host);

/** Validates an environment, throwing one error that names every bad variable and how to fix it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
}

export const env = parseEnv(process.env);

/** VERCEL as of this call, not from `env`: lib/client-ip.ts reads it per request, and its tests switch it. */
export const onVercel = (): boolean => vercel.parse(process.env.VERCEL);
