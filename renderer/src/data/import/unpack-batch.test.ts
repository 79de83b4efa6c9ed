import { afterEach, describe, expect, it } from 'vitest';
import { encodeOpenItemBatch, packOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { base64ToBytes, bytesToBase64 } from '../backup/backup-format';
import { unpackBatch } from './unpack-batch';

const records = [
  { customerCode: '1001', customerName: 'Bäcker & Söner', vatNumber: '', companyNumber: '', invoiceNumber: 'F-1', invoiceDate: toIsoDate('2026-10-01'), dueDate: toIsoDate('2026-10-31'), currency: 'EUR', openMinor: 12_345, amountMinor: undefined, paymentReference: 'RF18 5390' },
];
async function base64Of(bytes: Uint8Array): Promise<string> {
  const zipped = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream('gzip'));
  return bytesToBase64(new Uint8Array(await new Response(zipped).arrayBuffer()));
}
const native = Uint8Array as typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array };

describe('unpacking a batch handed over by the main process', () => {
  afterEach(() => {
    delete native.fromBase64;
  });

  it('reads the same open items and JSON records with the platform base64 decoder as without it', async () => {
    const packed = packOpenItemBatch(encodeOpenItemBatch(records), (text) => new TextEncoder().encode(text));
    const json = new TextEncoder().encode(JSON.stringify([{ bookingDate: '2026-10-01', amountMinor: 500 }]));
    const without = [await unpackBatch(await base64Of(packed)), await unpackBatch(await base64Of(json))];
    // Where the platform decodes base64 itself (Chromium's Uint8Array.fromBase64; Node 20 has none), it is asked.
    let calls = 0;
    native.fromBase64 = (base64) => {
      calls += 1;
      return base64ToBytes(base64);
    };
    const withNative = [await unpackBatch(await base64Of(packed)), await unpackBatch(await base64Of(json))];
    expect(calls).toBe(2);
    expect(withNative).toEqual(without);
    expect(without[1]).toEqual([{ bookingDate: '2026-10-01', amountMinor: 500 }]);
    expect((without[0] as { invoiceNumber: string }).invoiceNumber).toBe('F-1');
  });
});
