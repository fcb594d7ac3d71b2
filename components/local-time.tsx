"use client";

import { useSyncExternalStore } from "react";

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const local = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" });
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
