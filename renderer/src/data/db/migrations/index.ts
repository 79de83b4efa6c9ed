import { migration0001 } from './0001-demo-debtors';
import { migration0002 } from './0002-ledger-store';
import { migration0003 } from './0003-drop-legacy-debtors';
import { migration0004 } from './0004-imports';
import { migration0005 } from './0005-insurer-sync';
import { migration0006 } from './0006-insurer-losses';
import { migration0007 } from './0007-letters';
import { migration0008 } from './0008-promises';
import { migration0009 } from './0009-insurer-quarantine';
import { migration0013 } from './0013-interest-rates';
import { migration0014 } from './0014-insurer-keys';
import { migration0016 } from './0016-letter-references';
import { migration0019 } from './0019-letter-texts';
import { migration0021 } from './0021-open-invoices';
import { migration0020 } from './0020-turnover-declarations';
import { migration0023 } from './0023-sync-history';
import { migration0024 } from './0024-worklist-debtors';
import { migration0025 } from './0025-ledger-overlays';
import { migration0026 } from './0026-chunk-deltas';
import { migration0027 } from './0027-worklist-summaries';
import { migration0028 } from './0028-worklist-summaries-as-stored';
import { migration0029 } from './0029-open-invoice-rows';
import type { StoreMigration } from './migration';

/** Every schema version, oldest first. Add a file and a line here for each new version. */
export const MIGRATIONS: readonly StoreMigration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0013, migration0014, migration0016, migration0019, migration0020, migration0021, migration0023, migration0024, migration0025, migration0026, migration0027, migration0028, migration0029];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
