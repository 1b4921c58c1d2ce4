import { ICONS } from './common.js';

/** An icon for the React-rendered parts of the replicas. */
export function Icon({ name, size = 18, className }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" className={`replica-icon ${className ?? ''}`}>
      <path d={ICONS[name]} />
    </svg>
  );
}
