import { Notice } from "@/components/notice";
import { useMessageText } from "@/components/i18n/use-message-text";
import { noticeText } from "@/lib/notices";

/** The notice named by `?notice=` after a redirect, if it is one we know. */
export function PageNotice({ code }: { code: string | string[] | undefined }) {
  const text = useMessageText();
  const notice = noticeText(code);
  return notice ? <Notice>{text(notice)}</Notice> : null;
}
