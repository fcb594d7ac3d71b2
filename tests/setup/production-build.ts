// The integration project's global setup: the production build that the server tests run
// (tests/helpers/production-server.ts), made before any test file starts, so that building does
// not compete for the CPU with tests that are running. A no-op while the build is up to date.
import { ensureProductionBuild } from "../helpers/production-server";

export default async function setup() {
  await ensureProductionBuild();
}
