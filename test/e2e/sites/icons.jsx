import { ICONS } from './common.js';

/** An icon for the React-rendered parts of the replicas. */
export function Icon({ name, size = 18, className }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" className={`replica-icon ${className ?? ''}`}>
      <path d={ICONS[name]} />
    </svg>
  );
}

/** An icon that names itself: <svg aria-label="Like" role="img"><title>Like</title>…</svg>, as
 * Instagram draws its action icons (unverified: structural guess from the live DOM as automation
 * scripts quote it). Its title is the accessible name of a button that has no other text. */
export function TitledIcon({ name, title, size = 24, className, label = true }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      role="img"
      aria-label={label ? title : undefined}
      className={`replica-icon ${className ?? ''}`}
    >
      <title>{title}</title>
      <path d={ICONS[name]} />
    </svg>
  );
}
