// Loaded with `node --import` ahead of server.mjs so that its `import("next")` gets the
// stub beside this file: the real server.mjs, without building a Next.js app.
import { registerHooks } from "node:module";

const stub = new URL("./next-stub.mjs", import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === "next" ? { url: stub, shortCircuit: true } : nextResolve(specifier, context);
  },
});
