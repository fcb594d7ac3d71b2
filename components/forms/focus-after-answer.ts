/**
 * Where focus goes once a form's action has answered, so that it never drops to <body> (the
 * submit button is disabled while the action runs, and a disabled button loses focus).
 */

/** The first field named in `names`, in the form's order, that can take focus. */
function firstField(form: HTMLFormElement, names: string[]): HTMLElement | null {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
    if (element instanceof HTMLInputElement && element.type === "hidden") continue;
    if (element.disabled || !names.includes(element.name)) continue;
    return element;
  }
  return null;
}

/** The form's own message region with `role`, once it has something to say. */
function message(form: HTMLFormElement, role: "alert" | "status"): HTMLElement | null {
  const region = form.querySelector<HTMLElement>(`[role="${role}"]`);
  if (!region?.textContent?.trim()) return null;
  // Focusable from script only, so it is not one more Tab stop.
  if (!region.hasAttribute("tabindex")) region.tabIndex = -1;
  return region;
}

/** After a refusal: the first invalid field, else the form's alert. Returns whether it moved focus. */
export function focusRefusal(form: HTMLFormElement, invalidNames: string[]): boolean {
  const target = firstField(form, invalidNames) ?? message(form, "alert");
  target?.focus();
  return target !== null;
}

/** When the answer left focus nowhere: the alert, else the notice, else `fallback`. */
export function focusIfLost(form: HTMLFormElement, fallback: HTMLElement) {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  (message(form, "alert") ?? message(form, "status") ?? fallback).focus();
}
