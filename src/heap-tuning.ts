/**
 * How much V8 lets the heap grow between full collections. By default up to 4× what survived the
 * last one; the answer service keeps little (~60 MB at 50k articles) but allocates fast while
 * answering, so its heap used to swell with garbage to ~200 MB before each collection. At 1.5× it
 * settles there instead: at 50k articles resident memory fell from ~480 to ~370 MB with the same
 * latency (measured with `npm run bench`; `--optimize-for-size` saved more but cost 35 % latency).
 * The processes that answer (`npm start`, `ask`, the benchmark's probes) call this first; re-index
 * does not: its live heap is large while it builds, and more frequent full GCs only slow it down.
 */
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 50;

export function tuneHeap(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
