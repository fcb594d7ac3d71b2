"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useMemo } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues } from "react-hook-form";
import type * as z from "zod/mini";
import type { FormState } from "@/lib/action-state";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form validated in the browser by the same zod schema the server action parses again.
 * Valid input goes to the action; its field errors come back onto the fields, and focus
 * moves to the first invalid one. Without JavaScript the form still posts to the action, and
 * the page that answers shows the action's field errors from its first paint.
 */
export function useServerForm<Input extends FieldValues, Output>(
  schema: z.ZodMiniType<Output, Input>,
  action: ServerAction,
  defaultValues: DefaultValues<Input>,
  { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = useMemo(() => serverErrors<Input>(state), [state]);
  // react-hook-form puts `errors` on the fields (and focuses the first) when they change, and
  // renders them on the server too.
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues,
    errors,
    mode: "onTouched",
  });

  useEffect(() => {
    // Forms that stay on the page empty themselves (no password lingers in a field).
    if (resetOnSuccess && state.status === "success") form.reset();
  }, [state, form, resetOnSuccess]);

  const onSubmit = form.handleSubmit((_values, event) => {
    if (pending || !(event?.target instanceof HTMLFormElement)) return;
    // With the pressed button's name and value, as the browser would send them.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.target, submitter);
    startTransition(() => formAction(formData));
  });

  return {
    form,
    state,
    pending,
    formProps: { action: formAction, onSubmit, noValidate: true },
  };
}

export function serverErrors<Input extends FieldValues>(state: FormState): FieldErrors<Input> | undefined {
  if (!state.fieldErrors) return undefined;
  const entries = Object.entries(state.fieldErrors).map(([name, messages = []]) => [
    name,
    { type: "server", message: messages.join(" ") },
  ]);
  return Object.fromEntries(entries) as FieldErrors<Input>;
}
