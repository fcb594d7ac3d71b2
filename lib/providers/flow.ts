import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import * as z from "zod/mini";
import { prefixedCookieName, secureCookies } from "@/lib/cookies";
import { env } from "@/lib/env";

// What a provider sign-in was started for, from the moment this browser leaves for the
// provider until its callback: sign in (with Remember me and where to go after), or connect
// the identity to the account signed in now. Sealed (encrypted and authenticated with
// AUTH_SECRET, as Auth.js seals its state and PKCE cookies), scoped to the callback path, as
// short-lived as Auth.js's own checks, and cleared by the callback whatever it answers.

/** As long as Auth.js's state, PKCE and nonce cookies live. */
export const FLOW_SECONDS = 15 * 60;
const NAME = "latchkey-provider-flow";
const PATH = "/api/auth/callback";
const SALT = "latchkey-provider-flow";

const flowSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("sign-in"),
    provider: z.string(),
    remember: z.boolean(),
    callbackUrl: z.string(),
  }),
  z.object({
    intent: z.literal("connect"),
    provider: z.string(),
    userId: z.string(),
    sessionId: z.string(),
  }),
]);
export type ProviderFlow = z.infer<typeof flowSchema>;

const secret = () => env.AUTH_SECRET ?? "";
export const flowCookieName = () => prefixedCookieName(NAME, "__Secure-");
const options = (maxAge: number) =>
  ({ httpOnly: true, secure: secureCookies(), sameSite: "lax", path: PATH, maxAge }) as const;

/** In the server action that sends this browser to the provider. */
export async function setProviderFlow(flow: ProviderFlow): Promise<void> {
  const sealed = await encode({ token: { flow }, secret: secret(), salt: SALT, maxAge: FLOW_SECONDS });
  (await cookies()).set(flowCookieName(), sealed, options(FLOW_SECONDS));
}

/** The flow a callback request carries, or null when it has none, or one that is not ours. */
export async function readProviderFlow(cookieValue: string | undefined): Promise<ProviderFlow | null> {
  if (!cookieValue) return null;
  try {
    const token = await decode({ token: cookieValue, secret: secret(), salt: SALT });
    const parsed = flowSchema.safeParse(token?.flow);
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // tampered, expired, or sealed under another secret
  }
}

/** The Set-Cookie header that clears the flow, for the callback's response. */
export function clearedFlowCookie(): string {
  const attributes = [`${flowCookieName()}=`, `Path=${PATH}`, "Max-Age=0", "HttpOnly", "SameSite=Lax"];
  if (secureCookies()) attributes.push("Secure");
  return attributes.join("; ");
}
