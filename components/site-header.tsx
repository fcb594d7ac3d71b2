import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser, sessionWithPermission } from "@/lib/dal";

// Signed-out pages carry their own "Sign in" / "Create account" links; the header does not
// repeat them, so each accessible name stays unique on a page.
export async function SiteHeader() {
  const [user, admin, t, site] = await Promise.all([
    getCurrentUser(),
    sessionWithPermission("admin:enter"),
    getTranslations("header"),
    getTranslations("site"),
  ]);
  return (
    <header className="site-header">
      <Brand name={site("name")} href={user ? "/dashboard" : "/"} />
      {user && (
        <nav aria-label={t("accountNav")}>
          <bdi className="muted">{user.name ?? user.email}</bdi>
          {/* Only for those who hold the permission now; the console checks it again itself. */}
          {admin && <Link href="/admin">{t("admin")}</Link>}
          <Link href="/settings">{t("settings")}</Link>
          <SignOutButton />
        </nav>
      )}
    </header>
  );
}
