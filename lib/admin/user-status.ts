/** What the console says of an account: locked wins over unconfirmed. */
export type UserStatus = "active" | "unconfirmed" | "locked";

export function userStatus(user: { disabledAt: Date | null; emailVerified: Date | null }): UserStatus {
  if (user.disabledAt) return "locked";
  return user.emailVerified ? "active" : "unconfirmed";
}
