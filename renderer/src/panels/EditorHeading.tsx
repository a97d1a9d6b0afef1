import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { closeOpenItem } from '../commands/navigate-commands';

const closeFromEditor = () => closeOpenItem({ focusInspector: true });

/**
 * The heading of the pain point and solution editors, with their Close button. Escape anywhere in the editor
 * closes it too (typing in a field included: the text is already kept, each change is an edit), and the
 * inspector shows the workspace again.
 */
export function EditorHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const editor = heading.current?.closest('.item-editor');
    if (!editor) return;
    const onKeyDown = (event: Event) => {
      const key = event as KeyboardEvent;
      if (key.key !== 'Escape' || key.defaultPrevented || key.isComposing) return;
      key.preventDefault();
      closeOpenItem({ focusInspector: true });
    };
    editor.addEventListener('keydown', onKeyDown);
    return () => editor.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className="item-editor__heading" ref={heading}>
      <h2 id="inspector-heading" className="panel-heading">
        {children}
      </h2>
      <button type="button" className="icon-button" aria-label="Close" title="Close (Escape)" onClick={closeFromEditor}>
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
