"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type * as z from "zod/mini";
import type { FormState } from "@/lib/action-state";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form validated in the browser by the same zod schema the server action parses again.
 * Valid input goes to the action; its field errors come back onto the fields, and focus
 * moves to the first invalid one. Without JavaScript the form still posts to the action.
 */
export function useServerForm<Input extends FieldValues, Output>(
  schema: z.ZodMiniType<Output, Input>,
  action: ServerAction,
  defaultValues: DefaultValues<Input>,
  { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: "onTouched",
  });

  useEffect(() => {
    const invalid = Object.entries(state.fieldErrors ?? {}) as [Path<Input>, string[]][];
    for (const [name, messages] of invalid) {
      form.setError(name, { type: "server", message: messages.join(" ") });
    }
    if (invalid[0]) form.setFocus(invalid[0][0]);
    // Forms that stay on the page empty themselves (no password lingers in a field).
    if (resetOnSuccess && state.status === "success") form.reset();
  }, [state, form, resetOnSuccess]);

  const onSubmit = form.handleSubmit((_values, event) => {
    if (pending || !(event?.target instanceof HTMLFormElement)) return;
    const formData = new FormData(event.target);
    startTransition(() => formAction(formData));
  });

  return {
    form,
    state,
    pending,
    formProps: { action: formAction, onSubmit, noValidate: true },
  };
}
