// server.mjs's command line, read as `next dev` / `next start` read theirs: `-p`/`--port` and
// `-H`/`--hostname` win over the PORT and HOST variables.

const FLAGS = { "-p": "port", "--port": "port", "-H": "host", "--hostname": "host" };

/**
 * @param {string[]} args the arguments after `server.mjs`
 * @param {Record<string, string | undefined>} env
 * @returns {{ dev: boolean, port: number, host: string }}
 * @throws {Error} naming the bad argument, for a port that is not 1–65535 or an unknown flag
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
  return { dev: options.dev, port, host: options.host ?? (env.HOST || "0.0.0.0") };
}
