"use server";

import { revalidatePath } from "next/cache";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { requireSession } from "@/lib/dal";
import { throttleForm } from "@/lib/form-throttle";
import { updateUserName } from "@/lib/users";
import { profileSchema } from "@/lib/validations/settings";

export async function saveProfile(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSession("/settings");
  const parsed = profileSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const limited = await throttleForm("settings-profile", user.email);
  if (limited) return limited;
  await updateUserName(user.id, parsed.data.name);
  revalidatePath("/", "layout");
  return { status: "success", message: "Your profile has been saved." };
}
