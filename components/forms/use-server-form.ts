"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Resolver,
} from "react-hook-form";
import type * as z from "zod/mini";
import { focusRefusal } from "@/components/forms/focus-after-answer";
import type { FormState } from "@/lib/action-state";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;
type Schema<Input, Output> = z.ZodMiniType<Output, Input>;

/**
 * A form's schema, or a function that imports it. The zod resolver is never in a page's first
 * JavaScript: it loads once someone types in the form or presses a button. The sign-in pages
 * pass their schemas as imports too, so that zod itself (about 28 KB compressed) waits as well.
 */
export type SchemaSource<Input, Output> = Schema<Input, Output> | (() => Promise<Schema<Input, Output>>);

/**
 * A resolver that loads zod on first use (or on `preload`). Should the import fail (the network
 * went away), the form goes to the server unchecked: its action parses it with the same schema.
 */
export function lazyResolver<Input extends FieldValues, Output>(source: SchemaSource<Input, Output>) {
  let loading: Promise<Resolver<Input, unknown, Output>> | null = null;
  const load = () =>
    (loading ??= Promise.all([
      import("@hookform/resolvers/zod"),
      typeof source === "function" ? source() : source,
    ]).then(([{ zodResolver }, schema]) => zodResolver(schema) as Resolver<Input, unknown, Output>));
  const resolver: Resolver<Input, unknown, Output> = async (values, context, options) => {
    try {
      return await (
        await load()
      )(values, context, options);
    } catch {
      loading = null;
      return { values: values as unknown as Output, errors: {} };
    }
  };
  const preload = () => void load().catch(() => (loading = null));
  return { resolver, preload };
}

/**
 * A form validated in the browser by the same zod schema the server action parses again.
 * Valid input goes to the action; its field errors come back onto the fields, and focus
 * moves to the first invalid one (or, with none, to the form's alert). Errors show once the
 * form is submitted, not when a field loses focus: an error appearing on blur would push the
 * button down under the pointer that is pressing it. Without JavaScript the form still posts to the action, and
 * the page that answers shows the action's field errors from its first paint.
 */
export function useServerForm<Input extends FieldValues, Output>(
  schema: SchemaSource<Input, Output>,
  action: ServerAction,
  defaultValues: DefaultValues<Input>,
  { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = useMemo(() => serverErrors<Input>(state), [state]);
  // react-hook-form puts `errors` on the fields (and focuses the first) when they change, and
  // renders them on the server too.
  const { resolver, preload } = useMemo(() => lazyResolver(schema), [schema]);
  const form = useForm<Input, unknown, Output>({
    resolver,
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
    formProps: {
      ref: formRef,
      action: formAction,
      onSubmit,
      // Before the first submit needs the schema: something is typed (or autofilled), or a
      // button pressed. Not on focus: browsers focus fields on their own (autofill, passkeys).
      onInputCapture: preload,
      onKeyDownCapture: preload,
      onPointerDownCapture: preload,
      noValidate: true,
    },
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
