import { getTranslations } from "next-intl/server";
import { LanguageSelect } from "@/components/language-select";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="site-footer">
      <p className="muted">{t("tagline")}</p>
      <LanguageSelect />
    </footer>
  );
}
