import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Brand } from "@/components/brand";
import { UnavailableNotice } from "@/components/unavailable-notice";
import { UNAVAILABLE_HEADER } from "@/lib/db/availability.mjs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unavailable"))("title") };
}

/**
 * The page server.mjs serves, with status 503, for every page while the database cannot serve
 * requests. Without its header (set by server.mjs alone) there is no such page. The header is
 * the brand alone: the site's usual one reads the session from the database.
 */
export default async function TemporarilyUnavailable() {
  const reason = (await headers()).get(UNAVAILABLE_HEADER);
  if (!reason) notFound();
  return (
    <>
      <header className="site-header">
        <Brand name={(await getTranslations("site"))("name")} />
      </header>
      <main id="main" className="narrow">
        <UnavailableNotice reason={reason} />
      </main>
    </>
  );
}
