"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/admin", label: "overview" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/audit", label: "audit" },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("admin.nav");
  const current = (href: string) =>
    href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t("label")} className="admin-nav">
      {LINKS.map(({ href, label }) => (
        <Link key={href} href={href} aria-current={current(href) ? "page" : undefined}>
          {t(label)}
        </Link>
      ))}
    </nav>
  );
}
