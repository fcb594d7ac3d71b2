import * as z from "zod/mini";
import { message } from "@/lib/i18n/message";
import {
  checkboxField,
  confirmPasswordField,
  currentPasswordField,
  emailField,
  nameField,
} from "@/lib/validations/fields";
import {
  defaultPasswordPolicy,
  newPasswordFieldFor,
  passwordsMatch,
  refinePasswordContext,
  type PasswordPolicy,
} from "@/lib/validations/password-policy";

/** The registration form's schema under a password policy: the server's, or the page's copy of it. */
export const registerSchema = (policy: PasswordPolicy = defaultPasswordPolicy) =>
  z
    .object({
      name: nameField,
      email: emailField,
      password: newPasswordFieldFor(policy),
      confirmPassword: confirmPasswordField(message("validation.confirmPassword")),
    })
    .check(
      passwordsMatch("password"),
      z.superRefine((data, ctx) =>
        refinePasswordContext("password", data.password, [data.email, data.name], ctx, policy),
      ),
    );
export type RegisterInput = z.input<ReturnType<typeof registerSchema>>;

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  remember: checkboxField,
});
export type LoginInput = z.input<typeof loginSchema>;
