"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues } from "react-hook-form";
import type * as z from "zod/mini";
import { focusRefusal } from "@/components/forms/focus-after-answer";
import type { FormState } from "@/lib/action-state";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form validated in the browser by the same zod schema the server action parses again.
 * Valid input goes to the action; its field errors come back onto the fields, and focus
 * moves to the first invalid one (or, with none, to the form's alert). Errors show once the
 * form is submitted, not when a field loses focus: an error appearing on blur would push the
 * button down under the pointer that is pressing it. Without JavaScript the form still posts to the action, and
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
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const formRef = useRef<HTMLFormElement>(null);
  const shownState = useRef(state);

  useEffect(() => {
    // Forms that stay on the page empty themselves (no password lingers in a field).
    if (resetOnSuccess && state.status === "success") form.reset();
  }, [state, form, resetOnSuccess]);

  useEffect(() => {
    // Only an answer to this page's submission, not the state the page was rendered with.
    if (shownState.current === state) return;
    shownState.current = state;
    if (state.status === "error" && formRef.current) {
      focusRefusal(formRef.current, Object.keys(state.fieldErrors ?? {}));
    }
  }, [state]);

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
    formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true },
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
