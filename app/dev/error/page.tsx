import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { failOnPurpose } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dev.errorDrill"))("title"), robots: { index: false } };
}

/** Only with ERROR_DRILL=true (the end-to-end tests): a button whose action throws. */
export default async function ErrorDrillPage() {
  if (!env.ERROR_DRILL) notFound();
  const t = await getTranslations("dev.errorDrill");
  return (
    <main id="main" className="narrow stack">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <form action={failOnPurpose}>
        <button type="submit">{t("fail")}</button>
      </form>
    </main>
  );
}
