import { z } from "zod";
import { emailField } from "@/lib/validations/fields";
import { newPasswordFieldFor, passwordsMatch, type PasswordPolicy } from "@/lib/validations/password-policy";

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** Under a password policy: the server's (lib/auth/password-policy.ts), or the page's copy of it. */
export const resetPasswordSchemaFor = (policy: PasswordPolicy) =>
  z
    .object({
      token: z.string().min(1).max(128),
      newPassword: newPasswordFieldFor(policy),
      confirmPassword: z.string({ error: "Confirm your new password." }).min(1, "Confirm your new password."),
    })
    .refine(...passwordsMatch("newPassword"));
