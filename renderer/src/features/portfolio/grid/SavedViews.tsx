import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridQuery } from './grid-query';
import { deleteView, saveView, useSavedViews, type SavedView } from './saved-views';

interface SavedViewsProps {
  readonly query: GridQuery;
  readonly columns: readonly string[];
  readonly onApply: (view: SavedView) => void;
}

/** Saves the grid as it is under a name, and brings a saved view back with one choice. */
export function SavedViews({ query, columns, onApply }: SavedViewsProps) {
  const { t } = useTranslation('portfolio');
  const views = useSavedViews();
  const id = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const saved = await saveView({ name: trimmed, query, columns });
    setChosen(saved.id);
    setName('');
    setStatus(t('views.saved', { name: saved.name }));
  };
  const onChoose = (id: string) => {
    setChosen(id);
    const view = views.find((candidate) => candidate.id === id);
    if (view) onApply(view);
  };

  return (
    <div className="saved-views">
      <div className="field">
        <label htmlFor={`${id}-view`}>{t('views.label')}</label>
        <select id={`${id}-view`} value={chosen} onChange={(event) => onChoose(event.target.value)}>
          <option value="">{t('views.choose')}</option>
          {views.map((view) => <option key={view.id} value={view.id}>{view.name}</option>)}
        </select>
      </div>
      <button type="button" className="button" disabled={!chosen} onClick={() => void deleteView(chosen).then(() => setChosen(''))}>
        {t('views.delete')}
      </button>
      <form onSubmit={(event) => void onSave(event)} className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('views.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button" disabled={!name.trim()}>
          {t('views.save')}
        </button>
      </form>
      <span role="status" className="note">{status}</span>
    </div>
  );
}
