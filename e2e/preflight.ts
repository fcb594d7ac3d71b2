import { MailpitMailbox } from "../tests/helpers/mailpit-mailbox";
import { HOW_TO_READ_MAIL, mailSetting } from "./mail-source";

// Playwright's globalSetup against a deployment (BASE_URL): checks in seconds that the target
// can take a suite run, and stops with what to change when it cannot, instead of failing and
// skipping tests one timeout at a time. E2E_PREFLIGHT=warn prints the problems and runs anyway.
//
// Limits: every test comes from this one address, and the deployment's per-address limits
// (RATE_LIMIT_SIGN_IN_PER_ADDRESS, RATE_LIMIT_FORMS_PER_ADDRESS) are read from the
// RateLimit-Policy header its credentials endpoint sends (lib/auth/rate-limit-policy.ts). The
// probe carries no CSRF token, so Auth.js refuses it before anything is counted.

/** What one address needs for a whole run, with retries; the suite's own server allows 1000. */
export const SUITE_NEEDS = { "sign-in": 100, forms: 200 } as const;
const SETTINGS = {
  "sign-in": "RATE_LIMIT_SIGN_IN_PER_ADDRESS",
  forms: "RATE_LIMIT_FORMS_PER_ADDRESS",
} as const;
const TIMEOUT_MS = 5_000;

/** `"sign-in";q=20;w=60, "forms";q=20;w=900` (draft-ietf-httpapi-ratelimit-headers) → quotas by name. */
export function parseRateLimitPolicy(header: string | null): Map<string, number> {
  const quotas = new Map<string, number>();
  for (const item of (header ?? "").split(",")) {
    const [name, ...params] = item.trim().split(";");
    const quota = params.map((param) => /^\s*q=(\d+)\s*$/.exec(param)?.[1]).find(Boolean);
    if (name && quota) quotas.set(name.trim().replace(/^"|"$/g, ""), Number(quota));
  }
  return quotas;
}

async function health(base: string): Promise<string | undefined> {
  const url = new URL("/api/health", base);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 200) return undefined;
    return `GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`;
  } catch (error) {
    return `GET ${url} failed: ${(error as Error).message}`;
  }
}

async function limits(base: string): Promise<string[]> {
  const url = new URL("/api/auth/callback/credentials", base);
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const quotas = parseRateLimitPolicy(response.headers.get("ratelimit-policy"));
  if (quotas.size === 0) {
    return [
      `POST ${url.pathname} sent no RateLimit-Policy header, so the per-address limits are unknown ` +
        "(an older Latchkey, or a proxy that drops the header): make sure the deployment sets " +
        `${Object.values(SETTINGS).join(" and ")} to at least ${Math.max(...Object.values(SUITE_NEEDS))}`,
    ];
  }
  return Object.entries(SUITE_NEEDS).flatMap(([name, needed]) => {
    const quota = quotas.get(name);
    if (quota !== undefined && quota >= needed) return [];
    const setting = SETTINGS[name as keyof typeof SETTINGS];
    return [
      `${setting} is ${quota ?? "not advertised"}: one address needs at least ${needed} for a run (the suite's own server uses 1000)`,
    ];
  });
}

async function mail(): Promise<string | undefined> {
  const setting = mailSetting();
  if (setting.kind === "none")
    return `no mail to read, so every test that needs it would be skipped: ${HOW_TO_READ_MAIL}`;
  if (setting.kind === "smtp") {
    console.log(`[preflight] mail: ${setting.describe}; the deployment's EMAIL_SERVER must reach it`);
    return undefined;
  }
  try {
    const mailpit = new MailpitMailbox(setting.url);
    const version = await mailpit.version();
    await mailpit.to("preflight@latchkey.invalid"); // the search every test's mail goes through
    console.log(`[preflight] mail: ${setting.describe} (Mailpit ${version}) answers`);
    return undefined;
  } catch (error) {
    return `E2E_MAILPIT_URL: ${(error as Error).message}`;
  }
}

export default async function preflight() {
  const base = process.env.BASE_URL;
  if (!base) return;
  const down = await health(base);
  const problems = down
    ? [down]
    : [...(await limits(base).catch((error: Error) => [error.message])), await mail()];
  const found = problems.filter((problem): problem is string => Boolean(problem));
  if (found.length === 0) {
    console.log(`[preflight] ${base}: healthy, limits allow a run, mail can be read`);
    return;
  }
  const report = `Pre-flight against ${base}:\n${found.map((problem) => `  - ${problem}`).join("\n")}`;
  if (process.env.E2E_PREFLIGHT === "warn") {
    console.warn(`${report}\n(E2E_PREFLIGHT=warn: running anyway)`);
    return;
  }
  throw new Error(`${report}\nFix these, or set E2E_PREFLIGHT=warn to run anyway.`);
}
