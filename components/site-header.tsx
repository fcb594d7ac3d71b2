import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser } from "@/lib/dal";

// Signed-out pages carry their own "Sign in" / "Create account" links; the header does not
// repeat them, so each accessible name stays unique on a page.
export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <Link href={user ? "/dashboard" : "/"} className="brand">
        Latchkey
      </Link>
      {user && (
        <nav aria-label="Account">
          <span className="muted">{user.name ?? user.email}</span>
          <Link href="/settings">Settings</Link>
          <SignOutButton />
        </nav>
      )}
    </header>
  );
}
