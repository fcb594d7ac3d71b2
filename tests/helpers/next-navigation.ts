// A stand-in for next/navigation in tests that call server actions directly:
// `vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"))`.

/** Throws as Next's redirect does, with the destination on the error for the test to read. */
export function redirect(redirectTo: string): never {
  throw Object.assign(new Error("NEXT_REDIRECT"), { redirectTo });
}
