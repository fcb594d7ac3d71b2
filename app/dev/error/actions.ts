"use server";

import { notFound } from "next/navigation";
import { env } from "@/lib/env";

/** Fails the way an unexpected bug would, for the error page's end-to-end test only. */
export async function failOnPurpose(): Promise<void> {
  if (!env.ERROR_DRILL) notFound();
  throw new Error("error drill: this action fails on purpose");
}
