import { Notice } from "@/components/notice";
import { noticeText } from "@/lib/notices";

/** The notice named by `?notice=` after a redirect, if it is one we know. */
export function PageNotice({ code }: { code: string | string[] | undefined }) {
  const text = noticeText(code);
  return text ? <Notice>{text}</Notice> : null;
}
