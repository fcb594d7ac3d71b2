import "server-only";
import { inEnglish } from "@/lib/admin/cli-words";
import { ADMIN_ROLES } from "@/lib/admin/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { serverPasswordPolicy } from "@/lib/auth/password-policy";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SecurityContext } from "@/lib/request-context";
import { emailField } from "@/lib/validations/fields";
import { newPasswordFieldFor } from "@/lib/validations/password-policy";

// The seed tutorial's `create_admin`, done properly (`npm run create-admin`, scripts/create-admin.ts).

export type CreateAdminResult =
  | { outcome: "created" | "promoted" | "already-admin"; email: string }
  | { outcome: "refused"; message: string };

const refused = (message: string): CreateAdminResult => ({ outcome: "refused", message });

/** How the operator's command appears in the event log: no address, no device. */
const operator = (): SecurityContext => ({ at: new Date(), ip: null, userAgent: "npm run create-admin" });

/**
 * Makes the account of `typedEmail` an admin. A new account is created with this password
 * (under the password policy, `confirmation` matching when given) and its email confirmed:
 * the operator vouches for it. An existing account is promoted only with its own password,
 * so a mistyped address cannot hand the console to whoever registered it.
 */
export async function createAdmin(
  typedEmail: string,
  password: string,
  confirmation?: string,
): Promise<CreateAdminResult> {
  const email = emailField.safeParse(typedEmail);
  if (!email.success)
    return refused(await inEnglish(email.error.issues[0]?.message ?? "Enter a valid email address."));
  const existing = await db.user.findUnique({
    where: { email: email.data },
    select: { id: true, role: true, passwordHash: true, disabledAt: true },
  });
  if (existing) {
    if (!existing.passwordHash) {
      return refused(
        `${email.data} has no password (it signs in another way): an admin can promote it in the console.`,
      );
    }
    if (confirmation !== undefined && confirmation !== password)
      return refused("The passwords do not match.");
    if (!(await verifyPassword(password, existing.passwordHash))) {
      return refused(
        `That is not the password of ${email.data}: an existing account is promoted only with its own.`,
      );
    }
    if (existing.disabledAt) return refused(`${email.data} is locked: unlock it before making it an admin.`);
    if (ADMIN_ROLES.includes(existing.role)) return { outcome: "already-admin", email: email.data };
    await db.user.update({ where: { id: existing.id }, data: { role: "admin" } });
    await recordRoleChange(existing.id, existing.role);
    return { outcome: "promoted", email: email.data };
  }
  if (confirmation !== undefined && confirmation !== password) return refused("The passwords do not match.");
  const checked = newPasswordFieldFor(serverPasswordPolicy([email.data])).safeParse(password);
  if (!checked.success)
    return refused(await inEnglish(checked.error.issues[0]?.message ?? "Choose a stronger password."));
  const passwordHash = await hashPassword(password);
  const data = {
    email: email.data,
    name: "Administrator",
    passwordHash,
    emailVerified: new Date(),
    role: "admin",
  };
  const user = await db.user.create({ data, select: { id: true } }).catch((error: unknown) => {
    // The unique index decides a race with a registration (or another run) for this address.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  });
  if (!user)
    return refused(`${email.data} was registered a moment ago: run the command again to promote it.`);
  await recordEvent({
    kind: "account.created",
    userId: user.id,
    context: operator(),
    actor: { type: "system" },
    details: { via: "create-admin" },
  });
  await recordRoleChange(user.id, "user");
  return { outcome: "created", email: email.data };
}

async function recordRoleChange(userId: string, from: string): Promise<void> {
  await recordEvent({
    kind: "role.changed",
    userId,
    context: operator(),
    actor: { type: "system" },
    details: { from, to: "admin", via: "create-admin" },
  });
}
