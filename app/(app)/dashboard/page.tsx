import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageNotice } from "@/components/page-notice";
import { requireUser } from "@/lib/dal";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard");
  const [{ notice }, t, format] = await Promise.all([
    searchParams,
    getTranslations("dashboard"),
    getFormatter(),
  ]);
  return (
    <div className="stack">
      <PageNotice code={notice} />
      <h1>{t("heading")}</h1>
      <p>
        {user.name
          ? t.rich("welcome", { name: user.name, bdi: (chunks) => <bdi>{chunks}</bdi> })
          : t("welcomeNoName")}
      </p>
      <section className="card stack" aria-labelledby="account-heading">
        <h2 id="account-heading">{t("accountHeading")}</h2>
        <dl className="details">
          <dt>{t("name")}</dt>
          <dd>{user.name ? <bdi>{user.name}</bdi> : t("noName")}</dd>
          <dt>{t("email")}</dt>
          <dd>
            <bdi>{user.email}</bdi>
          </dd>
          <dt>{t("memberSince")}</dt>
          <dd>
            <time dateTime={user.createdAt.toISOString()}>
              {format.dateTime(user.createdAt, { dateStyle: "long", timeZone: "UTC" })}
            </time>
          </dd>
        </dl>
      </section>
    </div>
  );
}
