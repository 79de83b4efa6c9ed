import { useEffect } from 'react';
import { useNavigationStore } from '../../app/navigation-store';
import { subscribe } from '../../platform/kredo-api';
import { refusalError, useImportStore } from './import-store';

/** Whether a drag carries files (not text or a link dragged from the page itself). */
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/**
 * Import events that matter on every screen: parse progress and watched-folder arrivals from the main
 * process, and files dropped anywhere on the window (they open the Imports screen). Without the drop
 * handlers, a dropped file would make the page navigate to it, which the shell forbids anyway.
 */
export function useImportEvents(): void {
  useEffect(() => {
    const store = useImportStore.getState();
    void store.load().catch(() => undefined);
    const stopProgress = subscribe('onImportProgress', ({ fileId, done, total }) => useImportStore.getState().progress(fileId, 'parsing', done, total));
    const stopArrivals = subscribe('onImportFileArrived', ({ file }) => useImportStore.getState().fileArrived(file));
    const stopRefusals = subscribe('onImportFileRefused', (refusal) => useImportStore.getState().refuse([{ name: refusal.name, error: refusalError(refusal) }]));
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      useNavigationStore.getState().leaveWelcome('imports');
      void useImportStore.getState().dropFiles(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      stopProgress();
      stopArrivals();
      stopRefusals();
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
