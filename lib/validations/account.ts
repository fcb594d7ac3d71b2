import * as z from "zod/mini";
import { MAX_TOKEN_LENGTH } from "@/lib/auth/token-length";
import { message } from "@/lib/i18n/message";
import { confirmPasswordField, emailField } from "@/lib/validations/fields";
import { newPasswordFieldFor, passwordsMatch, type PasswordPolicy } from "@/lib/validations/password-policy";

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** Under a password policy: the server's (lib/auth/password-policy.ts), or the page's copy of it. */
export const resetPasswordSchemaFor = (policy: PasswordPolicy) =>
  z
    .object({
      token: z.string().check(z.minLength(1), z.maxLength(MAX_TOKEN_LENGTH)),
      newPassword: newPasswordFieldFor(policy),
      confirmPassword: confirmPasswordField(message("validation.confirmNewPassword")),
    })
    .check(passwordsMatch("newPassword"));

/** A form whose only input is the button (resend a link): nothing to parse. */
export const buttonOnlySchema = z.object({});

/** The /verify-email form: the token arrives in a hidden field, checked when used. */
export const confirmEmailSchema = z.object({ token: z.optional(z.string()) });
