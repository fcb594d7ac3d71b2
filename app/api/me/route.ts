import { getCurrentUser } from "@/lib/dal";

export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401, headers });
  const { id, name, email, emailVerified } = user;
  return Response.json({ id, name, email, emailVerified }, { headers });
}
