// server.mjs's command line, read as `next dev` / `next start` read theirs: `-p`/`--port` and
// `-H`/`--hostname` win over the PORT and HOST variables.

const FLAGS = { "-p": "port", "--port": "port", "-H": "host", "--hostname": "host" };

/**
 * @param {string[]} args the arguments after `server.mjs`
 * @param {Record<string, string | undefined>} env
 * @returns {{ dev: boolean, port: number, host: string, shutdownGraceMs: number }}
 * @throws {Error} naming the bad argument, for a port that is not 1–65535 or an unknown flag,
 *   or a SHUTDOWN_GRACE_SECONDS that is not a whole number of seconds
 */
export function serverOptions(args, env) {
  /** @type {{ dev: boolean, port?: string, host?: string }} */
  const options = { dev: false };
  for (let i = 0; i < args.length; i++) {
    const [flag = "", inline] = args[i].split(/=(.*)/s, 2);
    if (flag === "--dev" && inline === undefined) {
      options.dev = true;
      continue;
    }
    const name = FLAGS[flag];
    if (!name) throw new Error(`unknown argument "${args[i]}" (expected -p/--port, -H/--hostname or --dev)`);
    const value = inline ?? args[++i];
    if (!value) throw new Error(`${flag} needs a value`);
    options[name] = value;
  }
  const portText = options.port ?? (env.PORT || "3000");
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`invalid port "${portText}": expected 1–65535`);
  const graceText = env.SHUTDOWN_GRACE_SECONDS || "10";
  if (!/^\d{1,4}$/.test(graceText)) {
    throw new Error(`SHUTDOWN_GRACE_SECONDS must be a whole number of seconds (got "${graceText}")`);
  }
  const shutdownGraceMs = Number(graceText) * 1000;
  return { dev: options.dev, port, host: options.host ?? (env.HOST || "0.0.0.0"), shutdownGraceMs };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A warning when AUTH_URL cannot be where this server is reached: it names this machine on
 * another port, so every emailed link and the sign-out redirect would go elsewhere. (A public
 * origin may well differ from the port behind its proxy: that is not second-guessed.)
 * @param {string | undefined} authUrl
 * @param {number} port the port listened on
 * @returns {string | null}
 */
export function authUrlWarning(authUrl, port) {
  if (!authUrl || !URL.canParse(authUrl)) return null;
  const url = new URL(authUrl);
  if (!LOOPBACK.test(url.hostname)) return null;
  const urlPort = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (urlPort === port) return null;
  return (
    `AUTH_URL is ${url.origin} but this server listens on port ${port}: ` +
    `emailed links and the sign-out redirect will go to port ${urlPort}. Set AUTH_URL=${url.protocol}//${url.hostname}:${port}.`
  );
}
