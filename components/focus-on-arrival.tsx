"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useRef } from "react";

/** The page's message after a redirect ("Your email address is confirmed"), if it has one. */
const NOTICE = 'main [role="status"].notice, main [role="alert"].alert';

function focusable(element: HTMLElement) {
  if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus();
}

function MoveFocus() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const firstLoad = useRef(true);

  useEffect(() => {
    const arrivedByNavigation = !firstLoad.current;
    firstLoad.current = false;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    // Never takes focus from something the person is using (a field, a link they followed
    // inside a part of the page that stayed).
    if (!lost) return;
    const notice = Array.from(document.querySelectorAll<HTMLElement>(NOTICE)).find((element) =>
      element.textContent?.trim(),
    );
    if (notice) return focusable(notice);
    // After a full page load the browser starts at the top, as expected; after a client-side
    // navigation (a form's redirect) focus would otherwise be left on <body>.
    const heading = document.querySelector<HTMLElement>("main h1");
    if (arrivedByNavigation && heading) focusable(heading);
  }, [pathname, search]);

  return null;
}

/**
 * Moves focus to the page's notice, or its level-1 heading, when a page is reached by a
 * redirect, so that keyboard and screen-reader users start where the page's news is.
 */
export function FocusOnArrival() {
  return (
    <Suspense fallback={null}>
      <MoveFocus />
    </Suspense>
  );
}
