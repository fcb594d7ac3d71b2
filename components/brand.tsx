import Link from "next/link";

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

/** The header's mark and name, linking home: the same on every page, error pages included. */
export function Brand({ name, href = "/" }: { name: string; href?: string }) {
  return (
    <Link href={href} className="brand">
      <LogoMark />
      <span>{name}</span>
    </Link>
  );
}
