import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { requirePermission, sessionWithPermission } from "@/lib/dal";
import { AdminNav } from "./admin-nav";

export async function generateMetadata(): Promise<Metadata> {
  // To anyone else, the missing page's title (app/admin/metadata.ts).
  if (!(await sessionWithPermission("admin:enter"))) return {};
  const t = await getTranslations("admin");
  return { title: { default: t("title"), template: t("titleTemplate") } };
}

/** The console's shell. Each page checks its own permission as well: a layout is not a gate. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("admin:enter");
  return (
    <>
      <SiteHeader />
      <main id="main" className="admin">
        <AdminNav />
        {children}
      </main>
    </>
  );
}
