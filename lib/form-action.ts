import "server-only";
import type * as z from "zod/mini";
import { SIGN_IN_AGAIN_MESSAGE, type PasswordRefusal } from "@/lib/account/current-password";
import { formValues, invalidState, throttledState, type FormState } from "@/lib/action-state";
import { signInFailureMessage } from "@/lib/auth/messages";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { message } from "@/lib/i18n/message";
import { requireSession, type CurrentSession } from "@/lib/dal";
import {
  throttleFormByAddress,
  throttleFormByEmail,
  tooManyAttemptsMessage,
  type ThrottledForm,
} from "@/lib/form-throttle";

type Schema = z.ZodMiniType<unknown, Record<string, unknown>>;
type Fields<S extends Schema> = Extract<keyof z.input<S>, string>;

/** What the action's step may answer: its own form state, or a refused current password. */
export type StepResult<S extends Schema> = FormState<Fields<S>> | PasswordRefusal;

type FormRequest = {
  /** Every submitted string field, as sent (for values outside the schema, such as callbackUrl). */
  values: Record<string, string>;
};
type SignedInRequest = FormRequest & { session: CurrentSession };

type Setup<S extends Schema, R extends FormRequest> = {
  /** The form's schema, or one built for this request (the signed-in user's password policy…). */
  schema: S | ((request: R) => S | Promise<S>);
  /** The form's throttle (lib/form-throttle.ts): per address before parsing, per email after. */
  throttle?: {
    form: ThrottledForm;
    emails?: (input: z.output<S>, request: R) => (string | null | undefined)[];
  };
  /** The work; it may throw HashingBusyError (a full hashing pool) or return a refusal. */
  run: (input: z.output<S>, request: R, answers: Answers<S>) => Promise<StepResult<S>>;
};

/** Answers built for the form's own fields: a misspelt field name does not compile. */
type Answers<S extends Schema> = {
  fieldError: (field: Fields<S>, message: string) => FormState<Fields<S>>;
};

const answers = <S extends Schema>(): Answers<S> => ({
  fieldError: (field, text) => ({
    status: "error",
    message: message("forms.correctFields"),
    fieldErrors: { [field]: [text] } as FormState<Fields<S>>["fieldErrors"],
  }),
});

export const WRONG_CURRENT_PASSWORD: FormState<"currentPassword"> = {
  status: "error",
  message: message("forms.correctFields"),
  fieldErrors: { currentPassword: [message("validation.wrongCurrentPassword")] },
};

/**
 * The one shape of every form's server action: parse the form with its zod schema, apply its
 * throttle, run the step, and answer the known failures (a full hashing pool, a refused
 * current password, the account's lockout) in the form's words. Field errors are typed by
 * the schema's fields. Redirects thrown by the step pass through.
 */
export function formAction<S extends Schema>(setup: Setup<S, FormRequest>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    answer(setup, { values: formValues(formData) });
}

/** The same for a signed-in page: without a live session, a redirect to /login back to `returnTo`. */
export function signedInFormAction<S extends Schema>(returnTo: string, setup: Setup<S, SignedInRequest>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const session = await requireSession(returnTo);
    return answer(setup, { values: formValues(formData), session });
  };
}

async function answer<S extends Schema, R extends FormRequest>(
  setup: Setup<S, R>,
  request: R,
): Promise<FormState> {
  // Per address before the form is even parsed: a flood costs no strength check or lookup.
  const byAddress = setup.throttle && (await throttleFormByAddress(setup.throttle.form));
  if (byAddress) return byAddress;
  const schema = typeof setup.schema === "function" ? await setup.schema(request) : setup.schema;
  const parsed = schema.safeParse(request.values);
  if (!parsed.success) return invalidState<Fields<S>>(parsed.error);
  const input = parsed.data as z.output<S>;
  if (setup.throttle?.emails) {
    const byEmail = await throttleFormByEmail(setup.throttle.form, ...setup.throttle.emails(input, request));
    if (byEmail) return byEmail;
  }
  try {
    const result = await setup.run(input, request, answers<S>());
    if (!("refused" in result)) return result;
    if (result.refused === "sign-in-again") return { status: "error", message: SIGN_IN_AGAIN_MESSAGE };
    return result.refused === "throttled"
      ? throttledState(tooManyAttemptsMessage(result.retryAfter), result.retryAfter)
      : WRONG_CURRENT_PASSWORD;
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    // A server action's answer cannot carry a 503: the form says when to try again.
    return throttledState(
      signInFailureMessage({ reason: "busy", retryAfter: error.retryAfter }),
      error.retryAfter,
    );
  }
}

/**
 * `signedInFormAction` for a step whose success is more than a form state (a passkey
 * ceremony's options): the same parsing and failures in the form's words, and what the
 * step returns as `{ done }` answered as it is.
 */
export function signedInStep<S extends Schema, T extends object>(
  returnTo: string,
  setup: Omit<Setup<S, SignedInRequest>, "run"> & {
    run: (
      input: z.output<S>,
      request: SignedInRequest,
      answers: Answers<S>,
    ) => Promise<StepResult<S> | { done: T }>;
  },
) {
  return async (formData: unknown): Promise<T | FormState> => {
    const session = await requireSession(returnTo);
    const finished: { done?: T } = {};
    const state = await answer<S, SignedInRequest>(
      {
        ...setup,
        async run(...args) {
          const result = await setup.run(...args);
          if (!("done" in result)) return result;
          finished.done = result.done;
          return { status: "success" };
        },
      },
      { values: formValues(formData), session },
    );
    return finished.done ?? state;
  };
}
