import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { failOnPurpose } from "./actions";

export const metadata: Metadata = { title: "Error drill", robots: { index: false } };

/** Only with ERROR_DRILL=true (the end-to-end tests): a button whose action throws. */
export default function ErrorDrillPage() {
  if (!env.ERROR_DRILL) notFound();
  return (
    <main id="main" className="narrow">
      <form action={failOnPurpose}>
        <button type="submit">Fail on purpose</button>
      </form>
    </main>
  );
}
