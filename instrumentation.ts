import { isDatabaseUnavailable, markDatabaseDown } from "@/lib/db/availability.mjs";

// Runs once when the server starts, before it listens (server.mjs awaits it in app.prepare()).
export async function register() {
  // Next.js writes NEXT_RUNTIME into each bundle, so this stays a literal process.env read.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("@/lib/startup-check");
  await checkStartup();
  // Every app process sends the outbox's mail (lib/mail/sender.ts); none is special.
  const { startMailSender } = await import("@/lib/mail/sender");
  startMailSender();
}

/**
 * The reference (digest) the error page shows the person who met an error, beside the path it
 * happened on, so support can find Next.js's own log of the error next to this line. Only the
 * error's class: a message may quote the data it failed on.
 */
export function onRequestError(error: unknown, request: { method: string; path: string }) {
  // server.mjs answers this request 503, not 500, and the next ones until the database is back.
  if (isDatabaseUnavailable(error)) markDatabaseDown();
  const digest = (error as { digest?: unknown } | null)?.digest;
  const reference = typeof digest === "string" ? digest : "none";
  const kind = error instanceof Error ? error.name : typeof error;
  // The path without its query: a query may hold a token.
  console.error(`[error] reference ${reference}: ${kind} on ${request.method} ${request.path.split("?")[0]}`);
}
