import * as z from "zod/mini";
import { emailField } from "@/lib/validations/fields";
import { newPasswordFieldFor, passwordsMatch, type PasswordPolicy } from "@/lib/validations/password-policy";

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** Under a password policy: the server's (lib/auth/password-policy.ts), or the page's copy of it. */
export const resetPasswordSchemaFor = (policy: PasswordPolicy) =>
  z
    .object({
      token: z.string().check(z.minLength(1), z.maxLength(128)),
      newPassword: newPasswordFieldFor(policy),
      confirmPassword: z
        .string({ error: "Confirm your new password." })
        .check(z.minLength(1, "Confirm your new password.")),
    })
    .check(passwordsMatch("newPassword"));
