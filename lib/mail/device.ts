import type { MailWords } from "@/lib/mail/words";
import { describeUserAgent } from "@/lib/user-agent";

/**
 * A device as the sessions list names it ("Chrome on Linux"), in the mail's language; product
 * names stay as they are. Until lib/user-agent.ts takes a locale, its English phrase is
 * rephrased here (it has only these three shapes).
 */
export function deviceInWords(userAgent: string | null | undefined, { word }: MailWords): string {
  const english = describeUserAgent(userAgent);
  if (english === "Unknown device") return word("mail.device.unknown");
  const on = / on (?<system>[^]+)$/.exec(english);
  if (!on?.groups) return english;
  const browser = english.slice(0, on.index);
  const system = on.groups.system!;
  return browser === "Browser"
    ? word("mail.device.browserOn", { system })
    : word("mail.device.on", { browser, system });
}
