import * as z from "zod/mini";
import {
  confirmPasswordField,
  currentPasswordField,
  currentPasswordIf,
  emailField,
  nameField,
} from "@/lib/validations/fields";
import { message } from "@/lib/i18n/message";
import {
  defaultPasswordPolicy,
  newPasswordFieldFor,
  passwordsMatch,
  type PasswordPolicy,
} from "@/lib/validations/password-policy";

// One schema per /settings form, shared by the form's resolver and its server action.

export const profileSchema = z.object({ name: nameField });
export type ProfileInput = z.input<typeof profileSchema>;

/** Under a password policy whose context is the user's email and name (lib/auth/password-policy.ts). */
export const changePasswordSchemaFor = (policy: PasswordPolicy) =>
  z
    .object({
      currentPassword: currentPasswordField,
      newPassword: newPasswordFieldFor(policy),
      confirmPassword: confirmPasswordField(message("settings.password.confirmRequired")),
    })
    .check(
      passwordsMatch("newPassword"),
      z.refine((data) => data.newPassword !== data.currentPassword, {
        path: ["newPassword"],
        message: message("settings.password.sameAsCurrent"),
      }),
    );
export const changePasswordSchema = changePasswordSchemaFor(defaultPasswordPolicy);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** `askPassword`: the account has a password (lib/validations/fields.ts currentPasswordIf). */
export const changeEmailSchemaFor = (askPassword: boolean) =>
  z.object({ newEmail: emailField, currentPassword: currentPasswordIf(askPassword) });
export const changeEmailSchema = changeEmailSchemaFor(true);
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

export const deleteAccountSchemaFor = (askPassword: boolean) =>
  z.object({
    currentPassword: currentPasswordIf(askPassword),
    // Present only once the confirmation step has been shown, so Enter in the password
    // field cannot delete an account on its own.
    confirm: z.literal("delete", { error: message("settings.deleteAccount.confirmRequired") }),
  });
export const deleteAccountSchema = deleteAccountSchemaFor(true);
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;

export const revokeSessionSchema = z.object({
  sessionId: z.string().check(z.minLength(1), z.maxLength(64)),
});
