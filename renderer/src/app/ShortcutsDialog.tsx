import { useTranslation } from 'react-i18next';
import { WORK_SCREENS } from '../../../shared/navigation/screens';
import { useModalDialog } from '../components/use-modal-dialog';
import { useBootstrap } from './bootstrap-context';
import { useNavigationStore } from './navigation-store';

/** Lists the keyboard shortcuts (Help › Keyboard Shortcuts, or Ctrl+/ / ⌘/). A native modal <dialog>: Esc closes it. */
export function ShortcutsDialog() {
  const { t } = useTranslation(['shell', 'common']);
  const isOpen = useNavigationStore((state) => state.isShortcutsOpen);
  const setOpen = useNavigationStore((state) => state.setShortcutsOpen);
  const modifier = useBootstrap().platform === 'darwin' ? '⌘' : 'Ctrl+';
  const dialog = useModalDialog(isOpen);

  const rows: [string, string][] = [
    ...WORK_SCREENS.map((screen, index): [string, string] => [
      `${modifier}${index + 1}`,
      t('shell:shortcuts.openScreen', { screen: t(`common:screens.${screen}`) }),
    ]),
    [`${modifier},`, t('shell:shortcuts.openScreen', { screen: t('common:screens.settings') })],
    [`${modifier}O`, t('shell:shortcuts.import')],
    [`${modifier}/`, t('shell:shortcuts.help')],
    [`${modifier}F`, t('shell:shortcuts.searchDebtors')],
    [t('shell:shortcuts.gridKeys'), t('shell:shortcuts.moveInGrid')],
    [t('shell:shortcuts.enterKey'), t('shell:shortcuts.openDebtor')],
    [t('shell:shortcuts.escapeKey'), t('shell:shortcuts.backToGrid')],
  ];

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">{t('shell:shortcuts.title')}</h2>
      <table className="shortcuts-table">
        <tbody>
          {rows.map(([keys, action]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common:actions.close')}
        </button>
      </div>
    </dialog>
  );
}
