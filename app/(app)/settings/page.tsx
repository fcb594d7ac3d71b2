import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageNotice } from "@/components/page-notice";
import { TitledSection } from "@/components/titled-section";
import { hasPassword } from "@/lib/account/set-password";
import { clientPasswordPolicy } from "@/lib/auth/password-policy";
import { listUserSessions } from "@/lib/auth/sessions";
import { requireSession } from "@/lib/dal";
import { recentActivity } from "@/lib/events/recent";
import { configuredProviders } from "@/lib/providers/config";
import { ConnectedAccountsSection } from "./connected-accounts/section";
import { AccessTokensSection } from "./access-tokens-section";
import { DeleteAccountForm } from "./delete-account-form";
import { EmailForm } from "./email-form";
import { PasskeysSection } from "./passkeys-section";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { RecentActivity } from "./recent-activity";
import { SessionsList } from "./sessions-list";
import { SetPasswordForm } from "./set-password-form";
import { SettingsNav } from "./settings-nav";
import { TwoFactorSection } from "./two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ searchParams }: Props) {
  const { user, sessionId } = await requireSession("/settings");
  const [sessions, events, { notice, connect, provider }, withPassword, t] = await Promise.all([
    listUserSessions(user.id),
    recentActivity(user.id),
    searchParams,
    hasPassword(user.id),
    getTranslations("settings"),
  ]);
  // In page order; each section's heading says the same (TitledSection ids and titles).
  const sections = [
    { id: "profile", title: t("profile.heading") },
    { id: "password", title: t("password.heading") },
    { id: "email", title: t("email.heading") },
    { id: "two-factor", title: t("twoFactor.heading") },
    { id: "passkeys", title: t("passkeys.heading") },
    ...(configuredProviders().length > 0
      ? [{ id: "connected-accounts", title: t("connectedAccounts.heading") }]
      : []),
    { id: "access-tokens", title: t("accessTokens.heading") },
    { id: "sessions", title: t("sessions.heading") },
    { id: "recent-activity", title: t("activity.heading") },
    { id: "delete-account", title: t("deleteAccount.heading"), danger: true },
  ];
  return (
    <div className="stack">
      <PageNotice code={notice} />
      <h1>{t("heading")}</h1>
      <div className="settings-layout">
        <SettingsNav label={t("navLabel")} sections={sections} />
        <div className="stack settings-sections">
          <TitledSection id="profile" title={t("profile.heading")}>
            <ProfileForm name={user.name ?? ""} />
          </TitledSection>
          <TitledSection id="password" title={t("password.heading")}>
            {withPassword ? (
              <PasswordForm policy={clientPasswordPolicy([user.email, user.name])} />
            ) : (
              <SetPasswordForm email={user.email} />
            )}
          </TitledSection>
          <TitledSection
            id="email"
            title={t("email.heading")}
            description={t.rich("email.description", {
              email: user.email,
              bdi: (chunks) => <bdi>{chunks}</bdi>,
            })}
          >
            <EmailForm askPassword={withPassword} />
          </TitledSection>
          <TwoFactorSection user={user} askPassword={withPassword} />
          <PasskeysSection userId={user.id} sessionId={sessionId} />
          <ConnectedAccountsSection userId={user.id} sessionId={sessionId} result={{ connect, provider }} />
          <AccessTokensSection userId={user.id} />
          <TitledSection id="sessions" title={t("sessions.heading")} description={t("sessions.description")}>
            <SessionsList sessions={sessions} currentSessionId={sessionId} />
          </TitledSection>
          <TitledSection
            id="recent-activity"
            title={t("activity.heading")}
            description={t("activity.description")}
          >
            <RecentActivity events={events} />
          </TitledSection>
          <TitledSection
            id="delete-account"
            title={t("deleteAccount.heading")}
            description={t("deleteAccount.description")}
            danger={t("deleteAccount.dangerZone")}
          >
            <DeleteAccountForm askPassword={withPassword} />
          </TitledSection>
        </div>
      </div>
    </div>
  );
}
