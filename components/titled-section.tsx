/**
 * A titled region (a /settings section, an admin console panel): its accessible name is its
 * heading, so tests and assistive technology can tell apart the fields that share a label
 * across sections ("Current password").
 */
export function TitledSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
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
