import { SiteHeader } from "@/components/site-header";
import { VerifyEmailBanner } from "@/components/verify-email-banner";

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main">
        <VerifyEmailBanner />
        {children}
      </main>
    </>
  );
}
