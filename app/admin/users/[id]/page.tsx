import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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

export const generateMetadata = adminTitle("user");

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
  const [proven, proof, { done }, t, tDone, tConfirm] = await Promise.all([
    provenRecently(admin.sessionId),
    proofOptions(admin.user.id),
    searchParams,
    getTranslations("admin.user"),
    getTranslations("admin.done"),
    getTranslations("admin.confirmIdentity"),
  ]);
  const canManage = can(admin.role, "users:manage");
  const canManageRoles = can(admin.role, "roles:manage");
  const self = admin.user.id === user.id;
  const notice = doneNotice(done);
  const minutes = PROOF_WINDOW_SECONDS / 60;
  return (
    <div className="stack">
      <p>
        <Link href="/admin/users">{t("allUsers")}</Link>
      </p>
      {notice && <Notice>{tDone(notice, { minutes })}</Notice>}
      <h1>
        <bdi>{user.name ?? user.email}</bdi>
      </h1>
      <TitledSection id="account" title={t("account")}>
        <AccountSummary user={user} />
      </TitledSection>
      {(canManage || canManageRoles) && !proven && (
        <TitledSection
          id="confirm-identity"
          title={tConfirm("title")}
          description={tConfirm("description", { minutes })}
        >
          {proof.hasPassword || proof.twoFactor ? (
            <ConfirmIdentityForm userId={user.id} twoFactor={proof.twoFactor} />
          ) : (
            <p>{tConfirm("noPassword")}</p>
          )}
        </TitledSection>
      )}
      {(canManage || canManageRoles) && (
        <TitledSection id="actions" title={t("actions")}>
          <UserActions user={user} self={self} canManage={canManage} canManageRoles={canManageRoles} />
        </TitledSection>
      )}
      <TitledSection id="sessions" title={t("sessions")} description={t("sessionsDescription")}>
        <UserSessionsTable
          userId={user.id}
          sessions={user.sessions}
          currentSessionId={admin.sessionId}
          canRevoke={canManage}
        />
      </TitledSection>
      <TitledSection id="sign-in-methods" title={t("signInMethods")}>
        <SignInMethods user={user} />
      </TitledSection>
      <TitledSection id="recent-events" title={t("recentEvents")}>
        <EventsTable events={user.events} caption={t("eventsCaption")} showAccount={false} />
        <p>
          <Link href={`/admin/audit?${new URLSearchParams({ user: user.email })}`}>{t("everyEvent")}</Link>
        </p>
      </TitledSection>
    </div>
  );
}
