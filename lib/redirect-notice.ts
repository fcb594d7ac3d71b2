import type { NoticeCode } from "@/lib/notices";

/** `path` (a safe relative URL) with `?notice=code` added to its query. */
export function withNotice(path: string, code: NoticeCode): string {
  const url = new URL(path, "http://latchkey.invalid");
  url.searchParams.set("notice", code);
  return `${url.pathname}${url.search}${url.hash}`;
}
