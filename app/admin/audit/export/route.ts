import type { NextRequest } from "next/server";
import { inEnglish } from "@/lib/i18n/english";
import { everyAuditRow, type AuditRow } from "@/lib/admin/audit-log";
import { csvLine } from "@/lib/admin/csv";
import { requirePermission } from "@/lib/dal";
import { parseAuditFilters } from "@/lib/validations/admin";

const HEADER = [
  "at",
  "kind",
  "what",
  "user_id",
  "user_email",
  "actor_type",
  "actor_id",
  "actor_email",
  "ip",
  "user_agent",
  "details",
];

const cells = (row: AuditRow) => [
  row.at.toISOString(),
  row.kind,
  inEnglish(row.what),
  row.userId,
  row.userEmail,
  row.actorType,
  row.actorId,
  row.actorEmail,
  row.ip,
  row.userAgent,
  row.details === null ? "" : JSON.stringify(row.details),
];

/** /admin/audit's filtered view as CSV, streamed a batch at a time. To anyone else: 404. */
export async function GET(request: NextRequest): Promise<Response> {
  await requirePermission("audit:read");
  const { page: _page, ...filters } = parseAuditFilters(request.nextUrl.searchParams);
  const encoder = new TextEncoder();
  const batches = everyAuditRow(filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(HEADER)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(cells(row))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="latchkey-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}

// Every other method answers as GET does to anyone without the permission (a 404), never a
// 405 that would tell a stranger the route exists.
const missing = async () => {
  await requirePermission("audit:read");
  return new Response(null, { status: 405, headers: { Allow: "GET, HEAD" } });
};
export { missing as DELETE, missing as OPTIONS, missing as PATCH, missing as POST, missing as PUT };
