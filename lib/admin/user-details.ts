import "server-only";
import { latestEvents, type AuditRow } from "@/lib/admin/audit-log";
import { lastSignIns } from "@/lib/admin/last-sign-in";
import { userStatus, type UserStatus } from "@/lib/admin/user-status";
import { listUserSessions, type SessionSummary } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { listPasskeys, type PasskeySummary } from "@/lib/passkeys/passkeys";
import { recoveryCodesLeft } from "@/lib/second-factor/recovery-codes";

export type UserDetails = {
  id: string;
  name: string | null;
  email: string;
  emailVerified: Date | null;
  status: UserStatus;
  role: string;
  hasPassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  twoFactor: { enabled: boolean; recoveryCodesLeft: number };
  sessions: SessionSummary[];
  /** The account's connected providers (Auth.js Account rows): which, and since when. */
  providers: { id: string; provider: string; createdAt: Date }[];
  passkeys: PasskeySummary[];
  events: AuditRow[];
};

/** Everything /admin/users/<id> shows of one account; never a secret. Null when there is none. */
export async function userDetails(id: string): Promise<UserDetails | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      disabledAt: true,
      role: true,
      passwordHash: true,
      createdAt: true,
      totp: { select: { enabledAt: true } },
      accounts: { select: { id: true, provider: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) return null;
  const enabled = Boolean(user.totp?.enabledAt);
  const [sessions, passkeys, events, signIns, codesLeft] = await Promise.all([
    listUserSessions(id),
    listPasskeys(id),
    latestEvents(id),
    lastSignIns([id]),
    enabled ? recoveryCodesLeft(id) : Promise.resolve(0),
  ]);
  return {
    id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    status: userStatus(user),
    role: user.role,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
    lastSignInAt: signIns.get(id) ?? null,
    twoFactor: { enabled, recoveryCodesLeft: codesLeft },
    sessions,
    providers: user.accounts,
    passkeys,
    events,
  };
}
