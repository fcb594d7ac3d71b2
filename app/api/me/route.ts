import { apiCaller } from "@/lib/api-auth";

export const dynamic = "force-dynamic";

/** The caller's account: a signed-in browser, or a personal access token (lib/api-auth.ts). */
export async function GET(request: Request) {
  const caller = await apiCaller(request);
  if ("response" in caller) return caller.response;
  const { id, name, email, emailVerified } = caller.user;
  return Response.json({ id, name, email, emailVerified }, { headers: { "Cache-Control": "no-store" } });
}
