// An app process's mail sender, alone: the sender loop of lib/mail/sender.ts against
// DATABASE_URL and EMAIL_SERVER, as every app process runs it. With `--forgot <email>` it
// first does what /forgot-password does after its response (lib/auth/password-reset.ts).
// Run with: node --import tsx --import ./scripts/without-server-only.mjs tests/helpers/mail-sender-process.ts
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { forgot: { type: "string" } } });
// Loaded only now: the environment is validated on import.
const { startMailSender } = await import("@/lib/mail/sender");
if (values.forgot) {
  const { sendPasswordResetLink } = await import("@/lib/auth/password-reset");
  await sendPasswordResetLink(values.forgot);
  console.log("requested");
}
startMailSender();
console.log("sending");
// The loop's timer does not keep a process alive; this does, until the test kills it.
setInterval(() => {}, 60_000);
