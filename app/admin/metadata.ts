import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { sessionWithPermission } from "@/lib/dal";

type TitleKey = "overview" | "users" | "audit" | "user";

/**
 * An admin page's title, only for those who may see the console: to anyone else the title is
 * the missing page's own, so not even the tab tells that /admin exists.
 */
export function adminTitle(page: TitleKey): () => Promise<Metadata> {
  return async () => {
    if (!(await sessionWithPermission("admin:enter"))) {
      return { title: (await getTranslations("errorPages.notFound"))("title") };
    }
    const t = await getTranslations("admin");
    return { title: t(`${page}.title`) };
  };
}
