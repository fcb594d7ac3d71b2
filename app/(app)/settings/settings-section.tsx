/**
 * A titled region: its accessible name is its heading, so tests and assistive technology can
 * tell apart the fields that share a label across sections ("Current password").
 */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {children}
    </section>
  );
}
