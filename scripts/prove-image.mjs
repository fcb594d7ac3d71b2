// `node scripts/prove-image.mjs`: proves the Dockerfile where no container engine runs (CI).
// It builds the Dockerfile's stages into folders, reading the Dockerfile itself so the two
// cannot drift: the build context is this checkout less .dockerignore; each stage's COPY,
// WORKDIR, ENV and RUN are carried out in that stage's folder (one standing for its `/`).
// Then, in the last stage's folder, as `docker run` would: the migration command compose.yaml
// runs, the image's create-admin, the CMD with plain `node`, the HEALTHCHECK command, a static
// file, and a sign-in through Auth.js (csrf, POST /api/auth/callback/credentials, /api/me).
// It runs on a database of its own on PROVE_DATABASE_SERVER, created and dropped here.
// What it cannot prove: the base image (the machine's Node stands in for it) and USER (the
// server runs as whoever runs this script).
//
// Its mail goes to the Mailpit stand-in (tests/helpers/mailpit-stand-in.ts). With `--qa <specs…>`
// it then runs those Playwright specs against the running server as QA would against a staging
// deployment (BASE_URL, E2E_MAILPIT_URL, E2E_ADMIN_*), with compose.yaml's QA limits.
//
// Options: --keep leaves the folders in place. PROVE_PORT, PROVE_SMTP_PORT, PROVE_MAILPIT_PORT
// (default: E2E_PORT + 1, + 2, + 3).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import {
  commandOf,
  copyOf,
  dockerignore,
  envOf,
  expand,
  healthcheckOf,
  mayHoldExceptions,
  parseDockerfile,
} from "./dockerfile.mjs";

const root = path.resolve(import.meta.dirname, "..");
const keep = process.argv.includes("--keep");
const qa = process.argv.includes("--qa") ? process.argv.slice(process.argv.indexOf("--qa") + 1) : undefined;
// Beside the Playwright suite's E2E_PORT, so that checkouts running side by side never meet.
const suitePort = Number(process.env.E2E_PORT || 3100);
const port = Number(process.env.PROVE_PORT || suitePort + 1);
const smtpPort = Number(process.env.PROVE_SMTP_PORT || suitePort + 2);
const mailpitPort = Number(process.env.PROVE_MAILPIT_PORT || suitePort + 3);
const mailpitUrl = `http://127.0.0.1:${mailpitPort}`;
const databaseServer = process.env.PROVE_DATABASE_SERVER || "postgresql://postgres@127.0.0.1:5432/postgres";
const origin = `http://localhost:${port}`;
const started = Date.now();

const say = (message) =>
  console.log(`[prove-image ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
function fail(message) {
  throw new Error(message);
}

// A container starts from its image's environment, not from the shell that builds it.
const baseEnv = Object.fromEntries(
  ["PATH", "HOME", "TMPDIR", "LANG", "npm_config_cache", "npm_config_registry"]
    .filter((name) => process.env[name] !== undefined)
    .map((name) => [name, process.env[name]]),
);

/** The build context: this checkout, less what .dockerignore keeps out. */
function copyContext(destination) {
  const ignoreText = readFileSync(path.join(root, ".dockerignore"), "utf8");
  const ignored = dockerignore(ignoreText);
  let files = 0;
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!ignored(child) || mayHoldExceptions(ignoreText, child)) walk(child);
      } else if (!ignored(child)) {
        cpSync(path.join(root, child), path.join(destination, child), { verbatimSymlinks: true });
        files++;
      }
    }
  };
  walk("");
  return files;
}

/** Sources of a COPY, with `*` in their last part, as absolute paths on this machine. */
function resolveSources(sources, base) {
  return sources.flatMap((source) => {
    const full = path.join(base, source);
    const name = path.basename(full);
    if (!name.includes("*")) {
      if (!existsSync(full)) fail(`COPY: ${source} does not exist`);
      return [full];
    }
    const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^/]*")}$`);
    const matches = readdirSync(path.dirname(full))
      .filter((entry) => matcher.test(entry))
      .map((entry) => path.join(path.dirname(full), entry));
    if (matches.length === 0) fail(`COPY: nothing matches ${source}`);
    return matches;
  });
}

/** Docker's COPY: a folder's contents go into the destination, files into it when it is a folder. */
function copyInto(sources, destination) {
  const intoFolder = destination.endsWith("/") || sources.length > 1;
  for (const source of sources) {
    if (statSync(source).isDirectory()) {
      cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
    } else {
      const target = intoFolder ? path.join(destination, path.basename(source)) : destination;
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(source, target);
    }
  }
}

function run(argv, options, what) {
  const result = spawnSync(argv[0], argv.slice(1), { stdio: "inherit", ...options });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** Builds every stage into `work/stages/<name>`; returns the last stage as a container would start. */
function buildStages(work) {
  const { args, stages } = parseDockerfile(readFileSync(path.join(root, "Dockerfile"), "utf8"));
  const context = path.join(work, "context");
  say(`build context: ${copyContext(context)} files (less .dockerignore)`);
  const built = new Map();
  for (const [index, stage] of stages.entries()) {
    const base = built.get(stage.from);
    const later = stages.slice(index + 1);
    // A stage built FROM an earlier one carries on in its folder: safe while nothing copies from
    // the earlier stage any more.
    if (base && later.some((next) => next.steps.some((step) => step.flags.from === stage.from))) {
      fail(`stage ${stage.name}: scripts/prove-image.mjs cannot share ${stage.from}, copied from later`);
    }
    const state = base
      ? { ...base, env: { ...base.env }, vars: { ...base.vars } }
      : {
          root: path.join(work, "stages", stage.name),
          workdir: "/",
          env: {},
          vars: { ...args },
          user: "root",
        };
    state.healthcheck = base?.healthcheck;
    mkdirSync(state.root, { recursive: true });
    say(`stage ${stage.name} (FROM ${stage.from})`);
    const inStage = (file) => path.join(state.root, path.posix.resolve(state.workdir, file));
    for (const step of stage.steps) {
      const vars = { ...state.vars, ...state.env };
      switch (step.keyword) {
        case "ARG": {
          const [name, value = ""] = step.rest.split(/=(.*)/s);
          state.vars[name] = state.vars[name] ?? value;
          break;
        }
        case "ENV":
          for (const [key, value] of Object.entries(envOf(step))) state.env[key] = expand(value, vars);
          break;
        case "WORKDIR":
          state.workdir = path.posix.resolve(state.workdir, expand(step.rest, vars));
          mkdirSync(inStage("."), { recursive: true });
          break;
        case "COPY": {
          const { sources, destination } = copyOf(step, vars);
          const from = step.flags.from;
          if (from && !built.has(from)) fail(`COPY --from=${from}: no such stage before ${stage.name}`);
          const sourceBase = from ? built.get(from).root : context;
          const target = inStage(destination) + (destination.endsWith("/") ? "/" : "");
          copyInto(resolveSources(sources, sourceBase), target);
          break;
        }
        case "RUN":
          say(`RUN ${step.rest}`);
          run(commandOf(step), { cwd: inStage("."), env: { ...baseEnv, ...state.env } }, `RUN ${step.rest}`);
          break;
        case "USER":
          state.user = step.rest;
          break;
        case "HEALTHCHECK":
          state.healthcheck = healthcheckOf(step);
          break;
        case "CMD":
          state.cmd = commandOf(step);
          break;
        // EXPOSE: nothing to do outside a container.
      }
    }
    built.set(stage.name, state);
  }
  const image = built.get(stages.at(-1).name);
  if (!image.cmd) fail("the last stage has no CMD");
  if (!image.healthcheck) fail("the last stage has no HEALTHCHECK");
  if (image.user === "root") fail("the last stage runs as root: set USER");
  return image;
}

/** compose.yaml's migration command: the same one the image's users run. */
function migrateCommand() {
  const compose = readFileSync(path.join(root, "compose.yaml"), "utf8");
  const block = /^ {2}migrate:\n((?: {4}.*\n|\n)*)/m.exec(compose)?.[1] ?? "";
  const line = /^ {4}command:\s*(\[.*\])\s*$/m.exec(block)?.[1];
  if (!line) fail("compose.yaml: no `command: [...]` in the migrate service");
  return JSON.parse(line);
}

async function waitFor(what, check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) fail(`${what}: not within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A cookie jar of name=value pairs, enough for Auth.js's cookies. */
function rememberCookies(jar, response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const [name, ...value] = pair.split("=");
    jar.set(name.trim(), value.join("="));
  }
}
const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

async function signIn(email, password) {
  const jar = new Map();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  if (!csrf.ok) fail(`GET /api/auth/csrf answered ${csrf.status}`);
  rememberCookies(jar, csrf);
  const { csrfToken } = await csrf.json();
  const callback = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/dashboard" }),
  });
  rememberCookies(jar, callback);
  const location = callback.headers.get("location") ?? "";
  if (callback.status !== 302 || /error=/.test(location)) {
    fail(`sign-in answered ${callback.status} to ${location.replace(/\?.*/, "?…")}`);
  }
  const me = await fetch(`${origin}/api/me`, { headers: { Cookie: cookieHeader(jar) } });
  if (me.status !== 200) fail(`GET /api/me after signing in answered ${me.status}`);
  const body = await me.json();
  if (body.email !== email) fail("GET /api/me answered for someone else");
}

async function staticFile() {
  const page = await fetch(`${origin}/login`);
  if (!page.ok) fail(`GET /login answered ${page.status}`);
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
  if (!script) fail("GET /login: no script from /_next/static");
  const asset = await fetch(`${origin}${script}`, { headers: { "Accept-Encoding": "br" } });
  if (!asset.ok) fail(`GET ${script} answered ${asset.status}`);
  if (asset.headers.get("content-encoding") !== "br") fail(`GET ${script} was not the brotli copy`);
}

/** The Mailpit stand-in, as a process of its own (it is TypeScript, run by tsx). */
async function startMailCatcher() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/helpers/mailpit-stand-in.ts", String(smtpPort), String(mailpitPort)],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitFor("the Mailpit stand-in", async () => (await fetch(`${mailpitUrl}/api/v1/info`)).ok, 30);
  return child;
}

/** The Playwright specs, against the image's server as against a deployment. */
function runQa(specs, admin) {
  say(`QA: npx playwright test ${specs.join(" ")} (BASE_URL=${origin}, E2E_MAILPIT_URL=${mailpitUrl})`);
  const env = {
    ...process.env,
    BASE_URL: origin,
    E2E_MAILPIT_URL: mailpitUrl,
    E2E_ADMIN_EMAIL: admin.email,
    E2E_ADMIN_PASSWORD: admin.password,
    PLAYWRIGHT_HTML_OUTPUT_DIR: "playwright-report/image-qa",
  };
  for (const name of ["E2E_SMTP_PORT", "E2E_OIDC_ISSUER"]) delete env[name];
  run(["npx", "playwright", "test", ...specs, "--output=test-results/image-qa"], { cwd: root, env }, "QA");
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "latchkey-image-"));
  const database = `latchkey_prove_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseServer });
  let server;
  let mailCatcher;
  try {
    const image = buildStages(work);
    const app = path.join(image.root, image.workdir);
    say(`image folder: ${app} (${readdirSync(app).join(", ")})`);
    for (const leftover of ["node_modules/typescript", "node_modules/.bin/next", "app", "tests"]) {
      if (existsSync(path.join(app, leftover))) fail(`the image holds ${leftover}: not a minimal bundle`);
    }

    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const databaseUrl = Object.assign(new URL(databaseServer), { pathname: `/${database}` }).href;
    mailCatcher = await startMailCatcher();
    // What `docker run -e …` would add; HOST keeps the server on loopback here.
    const runEnv = {
      ...baseEnv,
      ...image.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      AUTH_URL: origin,
      EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      // compose.yaml's QA settings (the suite comes from one address), and the suite's own
      // server's hash cost: journeys are under test, not hashing strength, on CI's two cores.
      ...(qa && {
        RATE_LIMIT_SIGN_IN_PER_ADDRESS: "1000",
        RATE_LIMIT_FORMS_PER_ADDRESS: "1000",
        BCRYPT_COST: "10",
      }),
    };

    const migrate = migrateCommand();
    say(`migrations: ${migrate.join(" ")}`);
    run(migrate, { cwd: app, env: runEnv }, migrate.join(" "));

    const email = "prove-image@latchkey.test";
    const password = `${randomBytes(15).toString("base64url")}-Zq7!`;
    say("create-admin: node scripts/create-admin.mjs");
    const created = spawnSync("node", ["scripts/create-admin.mjs", "--email", email], {
      cwd: app,
      env: runEnv,
      input: `${password}\n`,
      stdio: ["pipe", "inherit", "inherit"],
    });
    if (created.status !== 0) fail(`create-admin failed (exit ${created.status})`);

    say(`CMD ${image.cmd.join(" ")}`);
    server = spawn(image.cmd[0], image.cmd.slice(1), { cwd: app, env: runEnv, stdio: "inherit" });
    const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve(code ?? signal)));
    exited.then((status) => server && say(`the server exited (${status})`));
    await waitFor(
      "GET /api/health answering 200",
      async () => (await fetch(`${origin}/api/health`)).status === 200,
      90,
    );
    say("HEALTHCHECK CMD");
    run(image.healthcheck.command, { cwd: app, env: runEnv, timeout: 10_000 }, "HEALTHCHECK");
    await staticFile();
    say("sign-in: csrf, POST /api/auth/callback/credentials, GET /api/me");
    await signIn(email, password);
    if (qa?.length) runQa(qa, { email, password });

    server.kill("SIGTERM");
    const status = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(resolve, 15_000, "hung")),
    ]);
    server = undefined;
    if (status === "hung") fail("the server did not stop within 15 s of SIGTERM");
    say(
      `passed: the image's folder migrates, starts, is healthy and signs in${qa?.length ? ", and QA passed" : ""} (server exit ${status})`,
    );
  } finally {
    server?.kill("SIGKILL");
    mailCatcher?.kill("SIGTERM");
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    if (keep) say(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`[prove-image] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
