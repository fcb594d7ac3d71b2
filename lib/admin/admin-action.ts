import "server-only";
import { revalidatePath } from "next/cache";
import type * as z from "zod/mini";
import type { Permission } from "@/lib/admin/permissions";
import { provenRecently, PROOF_WINDOW_SECONDS } from "@/lib/admin/recent-proof";
import type { FormState } from "@/lib/action-state";
import { requirePermission, type PermittedSession } from "@/lib/dal";
import { formAction, type StepResult } from "@/lib/form-action";
import { message } from "@/lib/i18n/message";

type Schema = z.ZodMiniType<unknown, Record<string, unknown>>;
type FormSetup<S extends Schema> = Parameters<typeof formAction<S>>[0];
type Answers<S extends Schema> = Parameters<FormSetup<S>["run"]>[2];

type AdminSetup<S extends Schema> = {
  /** The form's schema, or one built for the admin (what their "Confirm it's you" asks for). */
  schema: S | ((admin: PermittedSession) => S | Promise<S>);
  /** Off only for the proof itself: every other action needs a recent one. */
  recentProof?: boolean;
  run: (input: z.output<S>, admin: PermittedSession, answers: Answers<S>) => Promise<StepResult<S>>;
};

export const PROOF_NEEDED: FormState<never> = {
  status: "error",
  message: message("admin.refusals.proofNeeded", { minutes: PROOF_WINDOW_SECONDS / 60 }),
};

/**
 * The shape of every admin server action: the permission first, read from the database now
 * (to anyone without it, a 404, exactly like a page that does not exist), then a recent proof
 * of who is at the keyboard, then lib/form-action.ts's parsing and answers.
 */
export function adminFormAction<S extends Schema>(permission: Permission, setup: AdminSetup<S>) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const admin = await requirePermission(permission);
    if (setup.recentProof !== false && !(await provenRecently(admin.sessionId))) {
      revalidatePath("/admin", "layout"); // the page now shows "Confirm it's you"
      return PROOF_NEEDED;
    }
    const { schema } = setup;
    return formAction<S>({
      schema: typeof schema === "function" ? () => schema(admin) : schema,
      run: (input, _request, answers) => setup.run(input, admin, answers),
    })(previous, formData);
  };
}
