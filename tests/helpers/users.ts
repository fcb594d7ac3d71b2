import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

/** An account whose address is confirmed (AUTH_REQUIRE_VERIFIED_EMAIL is on by default). */
export async function confirmedUser(data: { name: string; email: string; password: string }) {
  const user = await createUser({
    name: data.name,
    email: data.email,
    passwordHash: await hashPassword(data.password),
  });
  await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  return user;
}
