/**
 * A titled region (a /settings section, an admin console panel): its accessible name is its
 * heading, so tests and assistive technology can tell apart the fields that share a label
 * across sections ("Current password"). `#<id>` links to it; its heading takes focus when a
 * section list (the settings navigation) moves there. `danger`: what cannot be undone.
 */
export function TitledSection({
  id,
  title,
  description,
  danger,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** Set apart as a danger zone, with this label above the heading ("Danger zone"). */
  danger?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      id={id}
      className={danger ? "card stack danger-zone" : "card stack"}
      aria-labelledby={`${id}-heading`}
    >
      {danger && <p className="danger-zone-label">{danger}</p>}
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {description && <p className="muted">{description}</p>}
      {children}
    </section>
  );
}
