/**
 * Working storage reused from one chunk to the next. Summarising or ageing a tier-L portfolio chunk by
 * chunk allocated some twenty typed arrays per chunk, 4,000 per pass, and in Chromium their allocation
 * (zeroed memory outside the JS heap) and garbage collection cost more than the arithmetic (profiled,
 * issue 14). A user takes what it needs after `reset`, within one synchronous call, and returns nothing
 * that refers to it; each user keeps its own arena, so no two can hand out the same memory at once.
 */
export class ScratchArena {
  private floats = new Float64Array(0);
  private ints = new Int32Array(0);
  private floatsUsed = 0;
  private intsUsed = 0;

  /** Starts handing out storage from the beginning, with room for this many numbers of each kind. */
  reset(floatCount: number, intCount: number): void {
    if (this.floats.length < floatCount) this.floats = new Float64Array(Math.ceil(floatCount * 1.25));
    if (this.ints.length < intCount) this.ints = new Int32Array(Math.ceil(intCount * 1.25));
    this.floatsUsed = 0;
    this.intsUsed = 0;
  }

  /** `length` doubles, all 0. */
  float64(length: number): Float64Array {
    const view = this.floats.subarray(this.floatsUsed, this.floatsUsed + length);
    this.floatsUsed += length;
    return view.fill(0);
  }

  /** `length` integers, all `value`. */
  int32(length: number, value: number): Int32Array {
    const view = this.ints.subarray(this.intsUsed, this.intsUsed + length);
    this.intsUsed += length;
    return view.fill(value);
  }
}
