import { z } from "zod";
import {
  checkboxField,
  currentPasswordField,
  emailField,
  nameField,
  newPasswordField,
} from "@/lib/validations/fields";

export const registerSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "Confirm your password." }).min(1, "Confirm your password."),
  })
  .refine((data) => data.password === data.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });
export type RegisterInput = z.input<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  remember: checkboxField,
});
export type LoginInput = z.input<typeof loginSchema>;
