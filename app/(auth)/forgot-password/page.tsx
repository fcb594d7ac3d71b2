import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="card stack">
      <h1>Forgot your password?</h1>
      <p>Enter the email address of your account and we will email you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="muted">
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
