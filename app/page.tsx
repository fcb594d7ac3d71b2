import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageNotice } from "@/components/page-notice";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/dal";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FEATURES = ["featureSignIn", "featureTwoFactor", "featureSessions", "featureActivity"] as const;

export default async function HomePage({ searchParams }: Props) {
  const [user, { notice }, t] = await Promise.all([getCurrentUser(), searchParams, getTranslations("home")]);
  return (
    <>
      <SiteHeader />
      <main id="main" className="stack">
        <PageNotice code={notice} />
        <h1>{t("headline")}</h1>
        <p>{t("lead")}</p>
        <section className="stack" aria-labelledby="home-features">
          <h2 id="home-features">{t("featuresHeading")}</h2>
          <ul className="home-features">
            {FEATURES.map((feature) => (
              <li key={feature}>{t(feature)}</li>
            ))}
          </ul>
          <p className="muted">{t("privacy")}</p>
        </section>
        <div className="actions">
          {user ? (
            <Link className="button primary" href="/dashboard">
              {t("dashboard")}
            </Link>
          ) : (
            <>
              <Link className="button primary" href="/login">
                {t("signIn")}
              </Link>
              <Link className="button" href="/register">
                {t("createAccount")}
              </Link>
            </>
          )}
        </div>
      </main>
    </>
  );
}
