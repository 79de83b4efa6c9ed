import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../../components/use-modal-dialog';

export interface LetterPreview {
  readonly subject: string;
  readonly text: string;
  readonly language: string;
  /** No number given yet: the text says the reference follows, and the dialog says why. */
  readonly referencePending?: boolean;
}

/** What a letter will say, in the debtor's language, before the controller processes it. */
export function LetterPreviewDialog({ preview, onClose }: { readonly preview: LetterPreview | undefined; readonly onClose: () => void }) {
  const { t } = useTranslation('dunning');
  const id = useId();
  const dialog = useModalDialog(preview !== undefined);
  return (
    <dialog ref={dialog} className="dialog letter-preview" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('preview.title')}</h2>
      {preview?.referencePending && <p className="note">{t('preview.referencePending')}</p>}
      {preview && (
        <div lang={preview.language}>
          <p><strong>{preview.subject}</strong></p>
          {/* It scrolls: focusable, so the keyboard can scroll it (axe scrollable-region-focusable, issue 17). */}
          <pre className="letter-text" data-testid="letter-preview" tabIndex={0}>{preview.text}</pre>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>{t('preview.close')}</button>
      </div>
    </dialog>
  );
}
