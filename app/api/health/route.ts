import { databaseProblem } from "@/lib/db/connection";

export const dynamic = "force-dynamic";

/** 200 when the database answers and every migration is applied; else 503 with the reason. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  const problem = await databaseProblem();
  if (problem === null) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "error", reason: problem }, { status: 503, headers });
}
