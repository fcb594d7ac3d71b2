// Runs once when the server starts, before it serves requests.
export async function register() {
  // Next.js writes NEXT_RUNTIME into each bundle, so this stays a literal process.env read.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate the environment and open (and, when embedded, migrate) the database now,
  // so a misconfiguration stops the start with a clear message instead of a first 500.
  const { database } = await import("@/lib/db/connection");
  await database();
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
  const digest = (error as { digest?: unknown } | null)?.digest;
  const reference = typeof digest === "string" ? digest : "none";
  const kind = error instanceof Error ? error.name : typeof error;
  // The path without its query: a query may hold a token.
  console.error(`[error] reference ${reference}: ${kind} on ${request.method} ${request.path.split("?")[0]}`);
}
