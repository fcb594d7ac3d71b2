/** One cookie's value from a request's raw Cookie header, for code that has only the header. */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  const prefix = `${name}=`;
  const pair = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  return pair === undefined ? null : pair.slice(prefix.length);
}
