// For command-line scripts that use the app's server modules (scripts/create-admin.ts):
// "server-only" guards bundles, throwing anywhere but a React Server Component build, and
// means nothing in a plain Node process, so it resolves to an empty module here. (React's
// server build, the other way round it, breaks next-auth's imports.)
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
