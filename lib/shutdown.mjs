// What a process does on its way out, registered by whoever starts the work and run by
// server.mjs on SIGTERM/SIGINT once the HTTP server has finished its requests. One registry
// per process on globalThis, as Next.js bundles its own copy of this module.

/** @typedef {() => unknown} Hook */
const KEY = Symbol.for("latchkey.shutdown-hooks");
/** @type {{ background: Set<Hook>, resources: Set<Hook> }} */
const hooks = /** @type {any} */ (globalThis[KEY] ??= { background: new Set(), resources: new Set() });

/**
 * Stops background work (a sender loop, a timer): `stop` resolves when its current unit of work
 * is done. Runs before any resource closes, so it may still use the database.
 * @param {Hook} stop
 * @returns {() => void} unregisters it
 */
export function onShutdown(stop) {
  hooks.background.add(stop);
  return () => hooks.background.delete(stop);
}

/**
 * Closes a resource (the database pool) after every background stop has finished.
 * @param {Hook} close
 * @returns {() => void} unregisters it
 */
export function closeOnShutdown(close) {
  hooks.resources.add(close);
  return () => hooks.resources.delete(close);
}

/**
 * Runs the background stops together, then the resource closes together; a failing hook is
 * reported and does not keep the others from running.
 * @returns {Promise<number>} how many hooks failed
 */
export async function stopBackgroundWork() {
  let failed = 0;
  for (const group of [hooks.background, hooks.resources]) {
    const results = await Promise.allSettled([...group].map(async (hook) => hook()));
    for (const result of results) {
      if (result.status === "rejected") {
        failed++;
        console.error("[latchkey] shutdown:", /** @type {Error} */ (result.reason)?.message ?? result.reason);
      }
    }
    group.clear();
  }
  return failed;
}
