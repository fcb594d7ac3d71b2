import { SiteHeader } from "@/components/site-header";

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main">{children}</main>
    </>
  );
}
