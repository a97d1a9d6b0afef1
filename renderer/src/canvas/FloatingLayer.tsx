import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ScreenPoint } from '../store/editor-store';

/**
 * A small surface floating at a point on screen (a context menu, the pain points behind a badge). Kept inside
 * the window, closed by Escape, by a press outside it, by scrolling or resizing, and it takes focus when it
 * opens so the keyboard can use it at once.
 */
export function FloatingLayer({
  at,
  onClose,
  className,
  children,
  ...aria
}: {
  at: ScreenPoint;
  onClose: () => void;
  className: string;
  children: ReactNode;
  role: 'menu' | 'dialog';
  'aria-label': string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPosition({
      x: Math.max(8, Math.min(at.x, window.innerWidth - width - 8)),
      y: Math.max(8, Math.min(at.y, window.innerHeight - height - 8)),
    });
    el.querySelector<HTMLElement>('[role=menuitem], button, [href]')?.focus();
  }, [at]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('resize', onClose);
    window.addEventListener('wheel', onClose, { passive: true });
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('resize', onClose);
      window.removeEventListener('wheel', onClose);
    };
  }, [onClose]);

  return (
    <div ref={ref} className={`floating ${className}`} style={{ left: position.x, top: position.y }} {...aria}>
      {children}
    </div>
  );
}
