import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser, sessionWithPermission } from "@/lib/dal";

/** Latchkey's mark: a key in a rounded square, in the accent colour; the name beside it says it. */
function LogoMark() {
  return (
    <svg
      className="brand-mark"
      viewBox="0 0 32 32"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <circle cx="12" cy="16" r="5" fill="none" stroke="var(--surface)" strokeWidth="2.5" />
      <path
        d="M17 16h9m-3 0v4m-3-4v3"
        fill="none"
        stroke="var(--surface)"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}

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
      <Link href={user ? "/dashboard" : "/"} className="brand">
        <LogoMark />
        <span>{site("name")}</span>
      </Link>
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
