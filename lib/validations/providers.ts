import * as z from "zod/mini";
import { currentPasswordField } from "@/lib/validations/fields";

// The Connected accounts forms (/settings), shared by their client resolver and their actions.

const providerField = z.string().check(z.minLength(1), z.maxLength(32));

/** Connect: the provider, and the current password when the proof asked for is the password. */
export const connectProviderSchemaFor = (askPassword: boolean) =>
  z.object({
    provider: providerField,
    currentPassword: askPassword ? currentPasswordField : z.optional(z.string()),
  });
export type ConnectProviderInput = z.input<ReturnType<typeof connectProviderSchemaFor>>;

export const providerRowSchema = z.object({ provider: providerField });
export type ProviderRowInput = z.input<typeof providerRowSchema>;
