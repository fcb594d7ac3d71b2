import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorPages.forbidden"))("title") };
}

/** 403, for a signed-in user who may see that something exists but not use it (lib/dal.ts). */
export default async function Forbidden() {
  const t = await getTranslations("errorPages.forbidden");
  return (
    <>
      <SiteHeader />
      <main id="main" className="narrow">
        <div className="card stack">
          <h1>{t("heading")}</h1>
          <p>{t("body")}</p>
          <p>
            <Link href="/dashboard">{t("dashboard")}</Link>
          </p>
        </div>
      </main>
    </>
  );
}
