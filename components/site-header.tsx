import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser, sessionWithPermission } from "@/lib/dal";

// Signed-out pages carry their own "Sign in" / "Create account" links; the header does not
// repeat them, so each accessible name stays unique on a page.
export async function SiteHeader() {
  const [user, admin] = await Promise.all([getCurrentUser(), sessionWithPermission("admin:enter")]);
  return (
    <header className="site-header">
      <Link href={user ? "/dashboard" : "/"} className="brand">
        Latchkey
      </Link>
      {user && (
        <nav aria-label="Account">
          <span className="muted">{user.name ?? user.email}</span>
          {/* Only for those who hold the permission now; the console checks it again itself. */}
          {admin && <Link href="/admin">Admin</Link>}
          <Link href="/settings">Settings</Link>
          <SignOutButton />
        </nav>
      )}
    </header>
  );
}
