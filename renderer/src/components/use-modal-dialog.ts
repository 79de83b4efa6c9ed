import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps a native <dialog> in step with React state: open as a modal (focus trapped, Esc closes, the rest
 * of the page inert) while `isOpen`, closed otherwise.
 */
export function useModalDialog(isOpen: boolean): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);
  return dialog;
}
