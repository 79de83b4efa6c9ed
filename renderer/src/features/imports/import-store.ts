import { create } from 'zustand';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import { recordKindOf, type FileAnalysis, type ImportDialect, type ImportFile, type ParseSummary, type TabularAnalysis } from '../../../../shared/ipc/import-contract';
import type { ColumnMapping } from '../../../../shared/import/open-item-fields';
import type { Clock } from '../../../../shared/time/clock';
import { ipcBackupSink } from '../../data/backup/backup-ipc';
import { callback, dataWorker } from '../../data/data-client';
import type { ImportPreview } from '../../data/import/import-preview';
import type { ImportStage } from '../../data/worker/import-operations';
import { kredo } from '../../platform/kredo-api';
import { uploadFile } from './upload-file';

/** Where one file is in its import, from analysis to the stored result. */
export type ImportStep =
  | { readonly kind: 'analysing' }
  | { readonly kind: 'mapping'; readonly analysis: TabularAnalysis }
  | { readonly kind: 'ready'; readonly analysis: FileAnalysis }
  | { readonly kind: 'working'; readonly stage: 'parsing' | ImportStage; readonly done: number; readonly total: number }
  | { readonly kind: 'preview'; readonly summary: ParseSummary; readonly preview: ImportPreview }
  | { readonly kind: 'done'; readonly summary: ParseSummary; readonly preview: ImportPreview; readonly portfolio: PortfolioSummary }
  | { readonly kind: 'failed'; readonly error: unknown; readonly summary?: ParseSummary }
  | { readonly kind: 'discarded' };

interface ImportState {
  /** The files the main process holds for import, newest last. */
  readonly files: readonly ImportFile[];
  readonly steps: Readonly<Record<string, ImportStep>>;
  readonly activeFileId: string | undefined;
  /** A message about files taken in (a watched-folder arrival, a refused drop). */
  readonly notice: { readonly key: 'arrived' | 'uploadFailed'; readonly name: string; readonly error?: unknown } | undefined;
  load(): Promise<void>;
  addFiles(files: readonly ImportFile[]): void;
  chooseFiles(): Promise<void>;
  dropFiles(files: readonly File[]): Promise<void>;
  fileArrived(file: ImportFile): void;
  open(fileId: string | undefined): void;
  analyse(fileId: string): Promise<void>;
  read(fileId: string, mapping: ColumnMapping, dialect: ImportDialect, clock: Clock): Promise<void>;
  progress(fileId: string, stage: 'parsing' | ImportStage, done: number, total: number): void;
  cancel(fileId: string): Promise<void>;
  commit(fileId: string, closeMissing: boolean, clock: Clock): Promise<void>;
  discard(fileId: string): Promise<void>;
  dismissNotice(): void;
}

/**
 * The Imports screen's state, outside React so an import carries on (and its progress stays) while the
 * controller looks at another screen. Files come from the main process; records go from there to the data
 * worker, which compares and stores them.
 */
export const useImportStore = create<ImportState>()((set, get) => {
  const setStep = (fileId: string, step: ImportStep) => set((state) => ({ steps: { ...state.steps, [fileId]: step } }));
  const fileOf = (fileId: string) => get().files.find((file) => file.fileId === fileId);
  const homeCurrency = async () => (await kredo.importGetSettings()).homeCurrency;
  // Each read of a file is an attempt the main process keeps apart (see ParseAttempts).
  let attempts = 0;

  return {
    files: [],
    steps: {},
    activeFileId: undefined,
    notice: undefined,
    async load() {
      get().addFiles((await kredo.importListFiles()).files);
    },
    addFiles(files) {
      set((state) => ({ files: [...state.files, ...files.filter((file) => !state.files.some((known) => known.fileId === file.fileId))] }));
    },
    async chooseFiles() {
      const { files } = await kredo.importChooseFiles();
      get().addFiles(files);
      if (files.length > 0) get().open(files[0]!.fileId);
    },
    async dropFiles(dropped) {
      for (const file of dropped) {
        try {
          const held = await uploadFile(file);
          get().addFiles([held]);
          get().open(held.fileId);
        } catch (error) {
          set({ notice: { key: 'uploadFailed', name: file.name, error } });
        }
      }
    },
    fileArrived(file) {
      get().addFiles([file]);
      set({ notice: { key: 'arrived', name: file.name } });
    },
    open(fileId) {
      set({ activeFileId: fileId });
      if (fileId && !get().steps[fileId]) void get().analyse(fileId);
    },
    async analyse(fileId) {
      setStep(fileId, { kind: 'analysing' });
      try {
        const analysis = await kredo.importAnalyse({ fileId });
        setStep(fileId, analysis.type === 'tabular' ? { kind: 'mapping', analysis } : { kind: 'ready', analysis });
      } catch (error) {
        setStep(fileId, { kind: 'failed', error });
      }
    },
    async read(fileId, mapping, dialect, clock) {
      const file = fileOf(fileId);
      if (!file) return;
      attempts += 1;
      const attempt = attempts;
      setStep(fileId, { kind: 'working', stage: 'parsing', done: 0, total: 0 });
      // The data worker takes the batches while the main process is still reading the file.
      const parsing = kredo.importParse({ fileId, attempt, mapping, dialect });
      const parseOutcome = parsing.then((summary) => ({ summary }), (error: unknown) => ({ error }));
      try {
        const preview = await dataWorker().prepareImport(
          { fileId, fileName: file.name, recordKind: recordKindOf(file.kind), today: clock.today(), at: clock.now().toISOString() },
          callback({
            readBatch: async (index: number) => (await kredo.importReadBatch({ fileId, attempt, index })).gzipBase64,
            summary: () => parsing,
          }),
          callback((stage: ImportStage, done: number, total: number) => get().progress(fileId, stage, done, total)),
        );
        const summary = await parsing;
        if (get().steps[fileId]?.kind === 'working') setStep(fileId, { kind: 'preview', summary, preview });
      } catch (error) {
        // A failed parse explains itself better than the data worker's "no more batches".
        const outcome = await parseOutcome;
        if (get().steps[fileId]?.kind !== 'discarded') setStep(fileId, 'error' in outcome ? { kind: 'failed', error: outcome.error } : { kind: 'failed', error, summary: outcome.summary });
      }
    },
    progress(fileId, stage, done, total) {
      if (get().steps[fileId]?.kind === 'working') setStep(fileId, { kind: 'working', stage, done, total });
    },
    async cancel(fileId) {
      await kredo.importCancel({ fileId });
    },
    async commit(fileId, closeMissing, clock) {
      const step = get().steps[fileId];
      if (step?.kind !== 'preview') return;
      try {
        setStep(fileId, { kind: 'working', stage: 'saving', done: 0, total: 0 });
        const portfolio = await dataWorker().commitImport(
          { importId: fileId, closeMissing, at: clock.now().toISOString(), today: clock.today(), homeCurrency: await homeCurrency() },
          callback(ipcBackupSink()),
          callback((stage: ImportStage, done: number, total: number) => get().progress(fileId, stage, done, total)),
        );
        setStep(fileId, { kind: 'done', summary: step.summary, preview: step.preview, portfolio });
        await kredo.importFinish({ fileId, outcome: 'committed' });
      } catch (error) {
        setStep(fileId, { kind: 'failed', error, summary: step.summary });
      }
    },
    async discard(fileId) {
      setStep(fileId, { kind: 'discarded' });
      await dataWorker().discardImport({ importId: fileId });
      await kredo.importFinish({ fileId, outcome: 'discarded' });
      set((state) => ({ files: state.files.filter((file) => file.fileId !== fileId), activeFileId: state.activeFileId === fileId ? undefined : state.activeFileId }));
    },
    dismissNotice: () => set({ notice: undefined }),
  };
});
