import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorPages.notFound"))("title") };
}

/**
 * Every 404: an unknown address, and every /admin path for anyone without the permission, who
 * must not be able to tell the console exists (lib/dal.ts requirePermission).
 */
export default async function NotFound() {
  const t = await getTranslations("errorPages.notFound");
  return (
    <>
      <SiteHeader />
      <main id="main" className="narrow">
        <div className="card stack">
          <h1>{t("heading")}</h1>
          <p>{t("body")}</p>
          <p>
            <Link href="/">{t("home")}</Link>
          </p>
        </div>
      </main>
    </>
  );
}
