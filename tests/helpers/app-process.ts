import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

// Real app processes (`node server.mjs` on a production build), driven over HTTP as a browser
// without JavaScript would: Auth.js's endpoints, and forms posted to their server actions.

/** The build these tests run, apart from the developer's .next and Playwright's .next-e2e. */
export const PROCESS_BUILD_DIR = ".next-processes";

/** Builds the app into PROCESS_BUILD_DIR unless a build is there (LATCHKEY_REBUILD=1 forces one). */
export function ensureBuild(): void {
  if (existsSync(`${PROCESS_BUILD_DIR}/BUILD_ID`) && !process.env.LATCHKEY_REBUILD) return;
  const build = spawnSync("npm", ["run", "build"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: PROCESS_BUILD_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      // Not the test's database: a build reads no data, and with one it would be held to a
      // deployment's rules (lib/env.ts: EMAIL_SERVER required) that these servers set per process.
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

export type AppProcess = { origin: string; child: ChildProcess; output: () => string };

/** Starts `node server.mjs` on `port` and resolves once /api/health answers. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: PROCESS_BUILD_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUST_PROXY: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app on ${port} exited:\n${output}`);
    const health = await fetch(`${origin}/api/health`).catch(() => null);
    if (health?.ok) break;
    if (Date.now() > deadline) throw new Error(`the app on ${port} did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, child, output: () => output };
}

/** A browser's cookie jar, shared by every origin it visits (the processes serve one site). */
export class Browser {
  private readonly cookies = new Map<string, string>();

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Auth.js's credentials sign-in, as its own form posts it. */
  async signIn(origin: string, email: string, password: string): Promise<Response> {
    const csrf = await this.fetch(`${origin}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return this.fetch(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/dashboard" }),
    });
  }

  async signOut(origin: string): Promise<Response> {
    const csrf = await this.fetch(`${origin}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return this.fetch(`${origin}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
    });
  }

  /** GET /api/me: 200 with the user while signed in, 401 otherwise. */
  me(origin: string): Promise<Response> {
    return this.fetch(`${origin}/api/me`);
  }

  /**
   * Submits the form of page `path` that has a field named `fieldName`, as a browser without
   * JavaScript does: its hidden fields (the server action's reference) with `fields`.
   */
  async submitForm(origin: string, path: string, fieldName: string, fields: Record<string, string>) {
    const page = await this.fetch(`${origin}${path}`);
    const html = await page.text();
    const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
      .map((match) => match[0])
      .find((candidate) => candidate.includes(`name="${fieldName}"`));
    if (!form) throw new Error(`no form with a "${fieldName}" field on ${path} (status ${page.status})`);
    const body = new FormData();
    for (const input of form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
      if (name)
        body.append(name.replaceAll("&amp;", "&"), value.replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
    }
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return this.fetch(`${origin}${path}`, { method: "POST", body, headers: { origin } });
  }
}
