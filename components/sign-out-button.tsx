import { signOutAction } from "@/app/(app)/actions";

/** A POST form, not a link: signing out changes state, so it is never a GET. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit">Sign out</button>
    </form>
  );
}
