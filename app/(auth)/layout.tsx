import { SiteHeader } from "@/components/site-header";

export default function SignedOutLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="narrow">
        {children}
      </main>
    </>
  );
}
