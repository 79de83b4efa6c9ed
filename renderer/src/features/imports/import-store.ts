import { create } from 'zustand';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import { recordKindOf, type FileAnalysis, type ImportDialect, type ImportFile, type ImportReading, type ImportRefusal, type ParseSummary, type TabularAnalysis } from '../../../../shared/ipc/import-contract';
import type { ColumnMapping } from '../../../../shared/import/open-item-fields';
import type { TableContent } from '../../../../shared/import/customer-fields';
import type { Clock } from '../../../../shared/time/clock';
import { ipcBackupSink } from '../../data/backup/backup-ipc';
import { callback, dataWorker } from '../../data/data-client';
import type { ImportPreview } from '../../data/import/import-preview';
import type { ImportStage } from '../../data/worker/import-operations';
import { kredo, KredoApiError } from '../../platform/kredo-api';
import { uploadFile } from './upload-file';

/** Where one file is in its import, from analysis to the stored result. */
export type ImportStep =
  | { readonly kind: 'analysing' }
  /** `isRereading`: the file is being read again the way the user just chose (separator, sheet, …). */
  | { readonly kind: 'mapping'; readonly analysis: TabularAnalysis; readonly isRereading?: boolean }
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
  /** A message about a file taken in from the watched folder. */
  readonly notice: { readonly key: 'arrived'; readonly name: string } | undefined;
  /**
   * Files that were not taken in, by any way in (chosen, dropped, menu, watched folder), each with its
   * reason, until the user dismisses them: one bad file never silences the others.
   */
  readonly refusals: readonly Refusal[];
  load(): Promise<void>;
  addFiles(files: readonly ImportFile[]): void;
  chooseFiles(): Promise<void>;
  dropFiles(files: readonly File[]): Promise<void>;
  fileArrived(file: ImportFile): void;
  open(fileId: string | undefined): void;
  analyse(fileId: string): Promise<void>;
  /** Reads a table again another way (encoding, separator, sheet, header row); the mapping step stays. */
  reread(fileId: string, reading: ImportReading): Promise<void>;
  read(fileId: string, mapping: ColumnMapping, dialect: ImportDialect, clock: Clock, reading?: ImportReading, content?: TableContent): Promise<void>;
  progress(fileId: string, stage: 'parsing' | ImportStage, done: number, total: number): void;
  cancel(fileId: string): Promise<void>;
  commit(fileId: string, closeMissing: boolean, clock: Clock): Promise<void>;
  discard(fileId: string): Promise<void>;
  dismissNotice(): void;
  refuse(refusals: readonly { readonly name: string; readonly error: unknown }[]): void;
  dismissRefusal(id: number): void;
}

export interface Refusal {
  readonly id: number;
  readonly name: string;
  readonly error: unknown;
}

/** A refusal that crossed IPC as data, as the error the renderer translates. */
export const refusalError = (refusal: ImportRefusal) => new KredoApiError(refusal.error.code, refusal.error.params);

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
  let refusalIds = 0;

  return {
    files: [],
    steps: {},
    activeFileId: undefined,
    notice: undefined,
    refusals: [],
    async load() {
      get().addFiles((await kredo.importListFiles()).files);
    },
    addFiles(files) {
      set((state) => ({ files: [...state.files, ...files.filter((file) => !state.files.some((known) => known.fileId === file.fileId))] }));
    },
    async chooseFiles() {
      const { files, refused } = await kredo.importChooseFiles();
      get().addFiles(files);
      get().refuse(refused.map((refusal) => ({ name: refusal.name, error: refusalError(refusal) })));
      if (files.length > 0) get().open(files[0]!.fileId);
    },
    async dropFiles(dropped) {
      let opened = false;
      for (const file of dropped) {
        try {
          const held = await uploadFile(file);
          get().addFiles([held]);
          if (!opened) get().open(held.fileId);
          opened = true;
        } catch (error) {
          get().refuse([{ name: file.name, error }]);
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
      // A bank statement is matched against every ledger chunk: the data worker reads them meanwhile, on the
      // core the analysis leaves free. Only a speed-up: if it fails, the import reads them itself.
      const file = fileOf(fileId);
      if (file && recordKindOf(file.kind) === 'bank-transactions') dataWorker().readAheadForImport({ fileId }).catch(() => undefined);
      try {
        const analysis = await kredo.importAnalyse({ fileId });
        setStep(fileId, analysis.type === 'tabular' ? { kind: 'mapping', analysis } : { kind: 'ready', analysis });
      } catch (error) {
        setStep(fileId, { kind: 'failed', error });
      }
    },
    async reread(fileId, reading) {
      const step = get().steps[fileId];
      if (step?.kind !== 'mapping') return;
      setStep(fileId, { ...step, isRereading: true });
      try {
        const analysis = await kredo.importAnalyse({ fileId, reading });
        if (analysis.type === 'tabular' && get().steps[fileId]?.kind === 'mapping') setStep(fileId, { kind: 'mapping', analysis });
      } catch (error) {
        setStep(fileId, { kind: 'failed', error });
      }
    },
    async read(fileId, mapping, dialect, clock, reading, content) {
      const file = fileOf(fileId);
      if (!file) return;
      attempts += 1;
      const attempt = attempts;
      setStep(fileId, { kind: 'working', stage: 'parsing', done: 0, total: 0 });
      // The data worker takes the batches while the main process is still reading the file.
      const parsing = kredo.importParse({ fileId, attempt, mapping, dialect, ...(reading && { reading }), ...(content && { content }) });
      const parseOutcome = parsing.then((summary) => ({ summary }), (error: unknown) => ({ error }));
      try {
        const preview = await dataWorker().prepareImport(
          { fileId, fileName: file.name, recordKind: content === 'customers' ? 'customers' : recordKindOf(file.kind), today: clock.today(), at: clock.now().toISOString() },
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
    refuse(refusals) {
      if (refusals.length === 0) return;
      set((state) => ({ refusals: [...state.refusals, ...refusals.map((refusal) => ({ id: (refusalIds += 1), name: refusal.name, error: refusal.error }))] }));
    },
    dismissRefusal: (id) => set((state) => ({ refusals: state.refusals.filter((refusal) => refusal.id !== id) })),
  };
});
