import { databaseIsUp } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (await databaseIsUp()) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "error", reason: "database unavailable" }, { status: 503, headers });
}
