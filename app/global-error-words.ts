import type { ErrorWords } from "@/components/error-notice";
import type { UnavailableWords } from "@/components/unavailable-notice";
import type { Locale } from "@/i18n/locales";

/**
 * app/global-error.tsx replaces the root layout, and with it the catalogue's provider: it
 * carries its few words itself. tests/unit/global-error-words.test.ts holds them to
 * messages/*.json (errorPages.error), so they cannot drift apart.
 */
export const GLOBAL_ERROR_WORDS: Record<
  Locale,
  ErrorWords & { title: string; unavailable: UnavailableWords }
> = {
  en: {
    title: "Something went wrong",
    heading: "Something went wrong",
    body: "We could not finish that. Nothing you entered was lost on our side: please try again.",
    reference: "If it keeps happening, tell support this reference:",
    retry: "Try again",
    home: "Go to the home page",
    unavailable: {
      heading: "Temporarily unavailable",
      body: "Latchkey cannot reach its database right now. Nothing you saved is lost: please try again in a minute.",
      reason: "Reason for the operator:",
      retry: "Try again",
    },
  },
  ar: {
    title: "حدث خطأ ما",
    heading: "حدث خطأ ما",
    body: "لم نتمكن من إتمام ذلك. لم يضِع لدينا شيء مما أدخلته: يُرجى المحاولة مجددًا.",
    reference: "إن تكرر ذلك، فأبلغ الدعم بهذا المرجع:",
    retry: "حاول مجددًا",
    home: "الانتقال إلى الصفحة الرئيسية",
    unavailable: {
      heading: "الخدمة غير متاحة مؤقتًا",
      body: "لا يستطيع Latchkey الوصول إلى قاعدة بياناته الآن. لم يضِع شيء مما حفظته: يُرجى المحاولة مجددًا بعد دقيقة.",
      reason: "السبب، لمشغّل الخدمة:",
      retry: "حاول مجددًا",
    },
  },
};
