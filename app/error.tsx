"use client";

import { useTranslations } from "next-intl";
import { Brand } from "@/components/brand";
import { ErrorNotice } from "@/components/error-notice";
import { UnavailableNotice } from "@/components/unavailable-notice";
import { UNAVAILABLE_DIGEST } from "@/lib/db/availability.mjs";

/** An unexpected error in a page or an action, inside the root layout. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const site = useTranslations("site");
  return (
    <>
      <header className="site-header">
        <Brand name={site("name")} />
      </header>
      <main id="main" className="narrow">
        {error.digest === UNAVAILABLE_DIGEST ? (
          <UnavailableNotice />
        ) : (
          <ErrorNotice digest={error.digest} retry={reset} />
        )}
      </main>
    </>
  );
}
