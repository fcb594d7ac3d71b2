"use client";

import type { MouseEvent } from "react";

export type NavSection = { id: string; title: string; danger?: boolean };

/**
 * The list of /settings sections: each link scrolls to its section and moves focus to the
 * section's heading, so keyboard and screen-reader users carry on from there. Without
 * JavaScript the links still jump to the section.
 */
export function SettingsNav({ label, sections }: { label: string; sections: NavSection[] }) {
  function goTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const section = document.getElementById(id);
    const heading = document.getElementById(`${id}-heading`);
    if (!section || !heading) return;
    event.preventDefault();
    history.pushState(null, "", `#${id}`);
    section.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  }
  return (
    <nav aria-label={label} className="settings-nav">
      <ul>
        {sections.map(({ id, title, danger }) => (
          <li key={id}>
            <a
              href={`#${id}`}
              className={danger ? "danger-link" : undefined}
              onClick={(event) => goTo(event, id)}
            >
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
