/** The one form an email address is stored and looked up in: trimmed, NFKC, lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFKC").toLowerCase();
}
