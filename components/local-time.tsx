"use client";

import { useLocale } from "next-intl";
import { useMemo, useSyncExternalStore } from "react";

// timeZoneName cannot go with dateStyle/timeStyle, hence the parts spelt out.
const parts = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;
const noSubscription = () => () => {};

/**
 * A moment in the viewer's language and own time zone. The server does not know the zone,
 * so the page is sent in UTC (and stays so without JavaScript), and the browser rewrites it
 * once hydrated.
 */
export function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  const [utc, local] = useMemo(
    () => [
      new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" }),
      new Intl.DateTimeFormat(locale, parts),
    ],
    [locale],
  );
  const text = useSyncExternalStore(
    noSubscription,
    () => local.format(new Date(iso)),
    () => utc.format(new Date(iso)),
  );
  return <time dateTime={iso}>{text}</time>;
}
