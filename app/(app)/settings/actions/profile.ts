"use server";

import { revalidatePath } from "next/cache";
import { signedInFormAction } from "@/lib/form-action";
import { updateUserName } from "@/lib/users";
import { profileSchema } from "@/lib/validations/settings";
import { message } from "@/lib/i18n/message";

export const saveProfile = signedInFormAction("/settings", {
  schema: profileSchema,
  throttle: { form: "settings-profile", emails: (_input, { session }) => [session.user.email] },
  async run({ name }, { session: { user } }) {
    await updateUserName(user.id, name);
    revalidatePath("/", "layout");
    return { status: "success", message: message("settings.profile.saved") };
  },
});
