import type { Metadata } from "next";
import { PageNotice } from "@/components/page-notice";
import { TitledSection } from "@/components/titled-section";
import { hasPassword } from "@/lib/account/set-password";
import { clientPasswordPolicy } from "@/lib/auth/password-policy";
import { listUserSessions } from "@/lib/auth/sessions";
import { requireSession } from "@/lib/dal";
import { recentActivity } from "@/lib/events/recent";
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
import { TwoFactorSection } from "./two-factor-section";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ searchParams }: Props) {
  const { user, sessionId } = await requireSession("/settings");
  const [sessions, events, { notice, connect, provider }, withPassword] = await Promise.all([
    listUserSessions(user.id),
    recentActivity(user.id),
    searchParams,
    hasPassword(user.id),
  ]);
  return (
    <div className="stack">
      <PageNotice code={notice} />
      <h1>Settings</h1>
      <TitledSection id="profile" title="Profile">
        <ProfileForm name={user.name ?? ""} />
      </TitledSection>
      <TitledSection id="password" title="Password">
        {withPassword ? (
          <PasswordForm policy={clientPasswordPolicy([user.email, user.name])} />
        ) : (
          <SetPasswordForm email={user.email} />
        )}
      </TitledSection>
      <TitledSection
        id="email"
        title="Email"
        description={`Your email address is ${user.email}. A new address takes effect once you open the link we send to it.`}
      >
        <EmailForm askPassword={withPassword} />
      </TitledSection>
      <TwoFactorSection user={user} askPassword={withPassword} />
      <PasskeysSection userId={user.id} sessionId={sessionId} />
      <ConnectedAccountsSection userId={user.id} sessionId={sessionId} result={{ connect, provider }} />
      <AccessTokensSection userId={user.id} />
      <TitledSection id="sessions" title="Sessions" description="Where your account is signed in now.">
        <SessionsList sessions={sessions} currentSessionId={sessionId} />
      </TitledSection>
      <TitledSection
        id="recent-activity"
        title="Recent activity"
        description="The latest sign-ins, failed attempts and changes to your account's security."
      >
        <RecentActivity events={events} />
      </TitledSection>
      <TitledSection
        id="delete-account"
        title="Delete account"
        description="Deletes your account and everything in it. You will be signed out everywhere."
      >
        <DeleteAccountForm askPassword={withPassword} />
      </TitledSection>
    </div>
  );
}
