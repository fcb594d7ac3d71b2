import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/request-body-limit.mjs";
import { readFormWithin } from "@/lib/request-body";

const mocks = vi.hoisted(() => ({ post: vi.fn() }));
vi.mock("@/auth", () => ({ handlers: { GET: vi.fn(), POST: mocks.post } }));
const { POST } = await import("@/app/api/auth/[...nextauth]/route");

beforeEach(() => {
  mocks.post.mockReset();
  mocks.post.mockResolvedValue(new Response(null, { status: 302, headers: { location: "/dashboard" } }));
});

/** A body sent in pieces with no Content-Length, as a chunked request arrives. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += 16_384)));
    },
  });
}

const form = (size: number, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: chunked(`remember=on&password=${"a".repeat(size - 21)}`),
    duplex: "half",
  });

describe("readFormWithin", () => {
  it("parses a form within the cap", async () => {
    const parsed = await readFormWithin(form(2_000));
    expect(parsed instanceof FormData && parsed.get("remember")).toBe("on");
  });

  it("stops reading past the cap, with or without a Content-Length", async () => {
    expect(await readFormWithin(form(MAX_REQUEST_BODY_BYTES))).not.toBe("too-large");
    expect(await readFormWithin(form(MAX_REQUEST_BODY_BYTES + 1))).toBe("too-large");
    expect(await readFormWithin(form(100, { "content-length": "100000" }))).toBe("too-large");
  });
});

describe("POST /api/auth/callback/credentials", () => {
  it("answers 413 to a chunked body over the cap, without handing it to Auth.js", async () => {
    const response = await POST(form(100_000));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "payload_too_large", limit: MAX_REQUEST_BODY_BYTES });
    expect(mocks.post).not.toHaveBeenCalled();
  });

  it("hands a form-sized body to Auth.js", async () => {
    const response = await POST(form(2_000));
    expect(response.status).toBe(302);
    expect(mocks.post).toHaveBeenCalledOnce();
    expect(await (mocks.post.mock.calls[0]?.[0] as Request).text()).toMatch(/^remember=on&password=a+$/);
  });
});
