// Runs once when the server starts, before it serves requests.
export async function register() {
  // Next.js writes NEXT_RUNTIME into each bundle, so this stays a literal process.env read.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate the environment and open (and, when embedded, migrate) the database now,
  // so a misconfiguration stops the start with a clear message instead of a first 500.
  const { database } = await import("@/lib/db/connection");
  await database();
}

/**
 * Every server error once, with the reference (digest) that the error page shows the person
 * who met it, so support can find it here. The message stays in the log, never on the page.
 */
export function onRequestError(error: unknown, request: { method: string; path: string }) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const reference = typeof digest === "string" ? digest : "none";
  const message = error instanceof Error ? error.message : String(error);
  // The path without its query: a query may hold a token.
  console.error(
    `[error] reference ${reference} on ${request.method} ${request.path.split("?")[0]}: ${message}`,
  );
}
