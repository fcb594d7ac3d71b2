import { getTranslations } from "next-intl/server";
import { twoFactorStatus } from "@/lib/second-factor/authenticator-app";
import { qrCodeDataUri, setupKey, totpUri } from "@/lib/second-factor/totp";
import { TitledSection } from "@/components/titled-section";
import { TwoFactorPanel } from "./two-factor/two-factor-panel";

/** /settings → Two-factor authentication: set up, switch on, new recovery codes, switch off. */
export async function TwoFactorSection({
  user,
  askPassword = true,
}: {
  user: { id: string; email: string };
  /** The account has a password; one without proves changes by a fresh sign-in instead. */
  askPassword?: boolean;
}) {
  const [{ enabled, recoveryCodesLeft, setup }, t] = await Promise.all([
    twoFactorStatus(user.id),
    getTranslations("settings.twoFactor"),
  ]);
  // Only while a set-up waits for its first code does the secret leave the server.
  const shown = setup && {
    qrCode: await qrCodeDataUri(totpUri(setup.secret, user.email)),
    setupKey: setupKey(setup.secret),
  };
  return (
    <TitledSection id="two-factor" title={t("heading")} description={t("description")}>
      <TwoFactorPanel
        enabled={enabled}
        recoveryCodesLeft={recoveryCodesLeft}
        setup={shown || null}
        askPassword={askPassword}
      />
    </TitledSection>
  );
}
