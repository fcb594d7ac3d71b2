import { FormAlert } from "@/components/forms/form-alert";
import { FormStatus } from "@/components/forms/form-status";
import type { FormState } from "@/lib/action-state";

/** A form's answer from its action: an error in role="alert", a success in role="status". */
export function FormMessages({ state }: { state: FormState }) {
  return (
    <>
      <FormAlert message={state.status === "error" ? state.message : null} />
      <FormStatus message={state.status === "success" ? state.message : null} />
    </>
  );
}
