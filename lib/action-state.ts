import type * as z from "zod/mini";
import { message } from "@/lib/i18n/message";

/** What a form's server action answers: every field error, plus one form-level message. */
export type FormState<Field extends string = string> = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  /** Seconds until the form may be sent again, when it was refused for too many attempts. */
  retryAfter?: number;
  /** Secrets the page shows once and never again (new recovery codes): in this answer only. */
  shownOnce?: string[];
};

export const idleState: FormState<never> = { status: "idle" };

export function invalidState<Field extends string>(error: z.core.$ZodError): FormState<Field> {
  const fieldErrors: Partial<Record<Field, string[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "") as Field;
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { status: "error", message: message("forms.correctFields"), fieldErrors };
}

/** A refusal that says how long to wait; the form counts down and re-enables itself. */
export function throttledState(text: string, retryAfter: number): FormState<never> {
  return { status: "error", message: text, retryAfter };
}

/**
 * FormData to a plain object of strings; files and repeated keys are not expected here.
 * Anything else gives no fields, so the schema refuses it like an empty form.
 */
export function formValues(formData: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  // A server action is a public endpoint: its caller picks the argument (array, object, null…).
  if (!(formData instanceof FormData)) return values;
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
