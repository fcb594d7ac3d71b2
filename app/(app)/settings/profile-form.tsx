"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { profileSchema } from "@/lib/validations/settings";
import { saveProfile } from "./actions/profile";

export function ProfileForm({ name }: { name: string }) {
  const t = useTranslations("settings.profile");
  const { form, state, pending, formProps } = useServerForm(profileSchema, saveProfile, { name });
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormMessages state={state} />
        <TextField name="name" label={t("name")} autoComplete="name" />
        <SubmitButton label={t("submit")} pending={pending} />
      </form>
    </FormProvider>
  );
}
