// Runs once when the server starts, before it serves requests.
export async function register() {
  // Next.js writes NEXT_RUNTIME into each bundle, so this stays a literal process.env read.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate the environment and open (and, when embedded, migrate) the database now,
  // so a misconfiguration stops the start with a clear message instead of a first 500.
  const { database } = await import("@/lib/db/connection");
  await database();
}
