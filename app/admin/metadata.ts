import type { Metadata } from "next";
import { sessionWithPermission } from "@/lib/dal";

/**
 * An admin page's title, only for those who may see the console: to anyone else the title is
 * the missing page's own, so not even the tab tells that /admin exists.
 */
export function adminTitle(title: string): () => Promise<Metadata> {
  return async () => ((await sessionWithPermission("admin:enter")) ? { title } : { title: "Page not found" });
}
