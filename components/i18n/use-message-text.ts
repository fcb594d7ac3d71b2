import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { isLiteral, readMessage } from "@/lib/i18n/message";

/** In client and server components alike: puts a message (lib/i18n/message.ts) from a schema or a server action into the viewer's words. */
export function useMessageText() {
  const t = useTranslations();
  return useCallback(
    (text: string) => {
      if (isLiteral(text)) return text;
      const { key, values } = readMessage(text);
      return t(key, values);
    },
    [t],
  );
}
