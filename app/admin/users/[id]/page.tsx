import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTitle } from "@/app/admin/metadata";
import { Notice } from "@/components/notice";
import { can } from "@/lib/admin/permissions";
import { proofOptions, provenRecently, PROOF_WINDOW_SECONDS } from "@/lib/admin/recent-proof";
import { userDetails } from "@/lib/admin/user-details";
import { requirePermission } from "@/lib/dal";
import { userIdField } from "@/lib/validations/admin";
import { TitledSection } from "@/components/titled-section";
import { EventsTable } from "../../events-table";
import { AccountSummary } from "./account-summary";
import { ConfirmIdentityForm } from "./confirm-identity-form";
import { doneNotice } from "./done-notices";
import { SignInMethods } from "./sign-in-methods";
import { UserActions } from "./user-actions";
import { UserSessionsTable } from "./user-sessions-table";

export const generateMetadata = adminTitle("User");

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function UserPage({ params, searchParams }: Props) {
  const admin = await requirePermission("users:read");
  const { id } = await params;
  // A malformed id names no account: the same 404 as an unknown one.
  if (!userIdField.safeParse(id).success) notFound();
  const user = await userDetails(id);
  if (!user) notFound();
  const [proven, proof, { done }] = await Promise.all([
    provenRecently(admin.sessionId),
    proofOptions(admin.user.id),
    searchParams,
  ]);
  const canManage = can(admin.role, "users:manage");
  const canManageRoles = can(admin.role, "roles:manage");
  const self = admin.user.id === user.id;
  const notice = doneNotice(done);
  return (
    <div className="stack">
      <p>
        <Link href="/admin/users">All users</Link>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <h1>{user.name ?? user.email}</h1>
      <TitledSection id="account" title="Account">
        <AccountSummary user={user} />
      </TitledSection>
      {(canManage || canManageRoles) && !proven && (
        <TitledSection
          id="confirm-identity"
          title="Confirm it's you"
          description={`Admin actions need a proof of who is at the keyboard every ${PROOF_WINDOW_SECONDS / 60} minutes.`}
        >
          {proof.hasPassword || proof.twoFactor ? (
            <ConfirmIdentityForm userId={user.id} twoFactor={proof.twoFactor} />
          ) : (
            <p>Your account has no password: sign out and sign in again to confirm it&apos;s you.</p>
          )}
        </TitledSection>
      )}
      {(canManage || canManageRoles) && (
        <TitledSection id="actions" title="Actions">
          <UserActions user={user} self={self} canManage={canManage} canManageRoles={canManageRoles} />
        </TitledSection>
      )}
      <TitledSection id="sessions" title="Sessions" description="Where the account is signed in now.">
        <UserSessionsTable
          userId={user.id}
          sessions={user.sessions}
          currentSessionId={admin.sessionId}
          canRevoke={canManage}
        />
      </TitledSection>
      <TitledSection id="sign-in-methods" title="Sign-in methods">
        <SignInMethods user={user} />
      </TitledSection>
      <TitledSection id="recent-events" title="Recent events">
        <EventsTable
          events={user.events}
          caption="The account's latest security events"
          showAccount={false}
        />
        <p>
          <Link href={`/admin/audit?${new URLSearchParams({ user: user.email })}`}>
            Every event of this account in the audit log
          </Link>
        </p>
      </TitledSection>
    </div>
  );
}
