import { directionOf } from "@/i18n/locales";
import type { MailMessage } from "@/lib/mail/send";
import { escapeHtml, type MailWords, type Sentence } from "@/lib/mail/words";

/** What a mail is made of: sentences, a link with its button, and "label: value" details. */
export type Part = Sentence | { link: string; label: string } | { details: [label: string, value: string][] };

// Defence in depth (names stored before fields.ts refused breaks): user text cannot forge lines.
export const oneLine = (value: string) =>
  value.replace(/[\s\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]+/gu, " ").trim();

// Inline styles only: mail clients drop <style> blocks and most CSS. The site's own colours.
const FONT =
  "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,'Noto Sans','Noto Naskh Arabic',sans-serif";
const INK = "#1b1b1f";
const MUTED = "#5b5b66";
const ACCENT = "#3a4fd8";
const BORDER = "#d4d4db";

function htmlPart(part: Part, words: MailWords): string {
  if ("html" in part) return `<p style="margin:0 0 16px">${part.html}</p>`;
  if ("link" in part) {
    const href = escapeHtml(part.link);
    return [
      `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 20px;` +
        `border-radius:8px;background:${ACCENT};color:#ffffff;font-weight:bold;text-decoration:none">` +
        `${escapeHtml(part.label)}</a></p>`,
      `<p style="margin:0 0 16px;font-size:13px;color:${MUTED}">${escapeHtml(words.word("mail.layout.linkHint"))}</p>`,
      // The address reads left to right in any language, and breaks anywhere on a phone.
      `<p dir="ltr" style="margin:0 0 16px;font-size:13px;word-break:break-all;text-align:left">` +
        `<a href="${href}" style="color:${ACCENT}">${href}</a></p>`,
    ].join("\n");
  }
  const rows = part.details.map(
    ([label, value]) =>
      `<tr><td style="padding:4px 0;padding-inline-end:16px;color:${MUTED};white-space:nowrap;vertical-align:top">` +
      `${escapeHtml(label)}</td><td dir="auto" style="padding:4px 0"><bdi>${escapeHtml(oneLine(value))}</bdi></td></tr>`,
  );
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;` +
    `font-size:15px">${rows.join("")}</table>`
  );
}

function textPart(part: Part): string[] {
  if ("text" in part) return [part.text, ""];
  if ("link" in part) return [`${part.label}: ${part.link}`, ""];
  return [...part.details.map(([label, value]) => `${label}: ${oneLine(value)}`), ""];
}

/**
 * One message in both forms from the same parts, so text and HTML never say different things:
 * a plain-text part for every client, and a branded HTML part in the language's direction.
 */
export function compose(
  words: MailWords,
  to: string,
  subject: string,
  name: string | null,
  parts: Part[],
): MailMessage {
  const { locale, say, word } = words;
  const shownName = name ? oneLine(name) : "";
  const greeting = shownName
    ? say("mail.layout.greetingNamed", { name: shownName })
    : say("mail.layout.greeting");
  const signature = word("mail.layout.signature");
  const fullSubject = word("mail.layout.subject", { subject });
  const dir = directionOf(locale);
  const align = dir === "rtl" ? "right" : "left";
  const text = [greeting.text, "", ...parts.flatMap(textPart), signature].join("\n");
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(fullSubject)}</title></head>
<body style="margin:0;padding:0;background:#f7f7f8;color:${INK}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f7f7f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width:560px;background:#ffffff;border:1px solid ${BORDER};border-radius:10px;${FONT};text-align:${align}">
<tr><td style="padding:20px 28px;border-bottom:3px solid ${ACCENT}">
<span aria-hidden="true" style="display:inline-block;width:28px;height:28px;line-height:28px;border-radius:7px;background:${ACCENT};color:#ffffff;text-align:center;font-weight:bold;vertical-align:middle">L</span>
<span dir="ltr" style="margin-inline-start:8px;font-size:20px;font-weight:bold;vertical-align:middle">Latchkey</span>
</td></tr>
<tr><td style="padding:24px 28px;font-size:16px;line-height:1.5">
<p style="margin:0 0 16px">${greeting.html}</p>
${parts.map((part) => htmlPart(part, words)).join("\n")}
<p style="margin:24px 0 0">${escapeHtml(signature)}</p>
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid ${BORDER};font-size:12px;color:${MUTED}">${escapeHtml(word("mail.layout.footer"))}</td></tr>
</table>
</td></tr></table>
</body>
</html>`;
  return { to, subject: fullSubject, text, html };
}
