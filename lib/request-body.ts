import { MAX_REQUEST_BODY_BYTES } from "@/lib/request-body-limit.mjs";

/** The body as form data, read no further than `limit` bytes: "too-large" past it, null when not a form. */
export async function readFormWithin(
  request: Request,
  limit = MAX_REQUEST_BODY_BYTES,
): Promise<FormData | "too-large" | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return "too-large";
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned body settles only once both are.
      void reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const headers = { "content-type": request.headers.get("content-type") ?? "" };
  return new Response(new Blob(chunks), { headers }).formData().catch(() => null);
}

/** The answer to a body over the cap. */
export function payloadTooLarge(): Response {
  return Response.json({ error: "payload_too_large", limit: MAX_REQUEST_BODY_BYTES }, { status: 413 });
}
