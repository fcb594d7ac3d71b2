"use client";

import { useSyncExternalStore } from "react";

const parts = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
} as const;
const utc = new Intl.DateTimeFormat("en-GB", { ...parts, timeZone: "UTC" });
// timeZoneName cannot go with dateStyle/timeStyle, hence the parts spelt out.
const local = new Intl.DateTimeFormat("en-GB", { ...parts, timeZoneName: "short" });
const noSubscription = () => () => {};

/**
 * A moment in the viewer's own time zone. The server does not know it, so the page is sent
 * in UTC (and stays so without JavaScript), and the browser rewrites it once hydrated.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => local.format(new Date(iso)),
    () => `${utc.format(new Date(iso))} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
