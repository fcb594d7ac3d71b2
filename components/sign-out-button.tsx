import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(app)/actions";

/** A POST form, not a link: signing out changes state, so it is never a GET. */
export async function SignOutButton() {
  const t = await getTranslations("header");
  return (
    <form action={signOutAction}>
      <button type="submit">{t("signOut")}</button>
    </form>
  );
}
