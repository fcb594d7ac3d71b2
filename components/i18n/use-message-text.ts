import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { inWords } from "@/lib/i18n/message";

/** In client and server components alike: puts a message (lib/i18n/message.ts) from a schema or a server action into the viewer's words. */
export function useMessageText() {
  const t = useTranslations();
  return useCallback((text: string) => inWords(t, text), [t]);
}
