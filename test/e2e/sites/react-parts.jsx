// React pieces the replica pages share (the sites themselves repeat these patterns).
import { useCallback, useEffect, useRef, useState } from 'react';

/** The path, kept in step with the history API, and a navigate() that keeps the query string
 * (?feed=heavy, ?lang=nl) as the real single-page apps do. */
export function useRoute() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to) => {
    history.pushState(null, '', to + location.search);
    setPath(to);
  }, []);
  return [path, navigate];
}

/** A div[role=button], as Facebook and Instagram render their buttons: it also activates with
 * Enter/Space, and ignores clicks and keys when aria-disabled. `base` is the site's class. */
export function RoleButton({ base, label, disabled, onPress, className, children, ...rest }) {
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-disabled={disabled ? 'true' : undefined}
      className={`${base} ${className ?? ''}${disabled ? ' disabled' : ''}`}
      onClick={(e) => !disabled && onPress(e)}
      onKeyDown={(e) => {
        if (!disabled && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onPress(e);
        }
      }}
      {...rest}
    >
      {children}
    </div>
  );
}

/** A toast's text and show(text): the text clears itself after three seconds. */
export function useToast() {
  const [text, setText] = useState('');
  const timer = useRef(0);
  const show = useCallback((t) => {
    setText(t);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setText(''), 3000);
  }, []);
  return [text, show];
}
