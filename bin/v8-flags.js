// V8 flags the CLI sets for its own process before it loads baogao — and so for
// its worker threads, since V8's flags are process-wide (a Worker cannot be
// given its own). bench/throughput.mjs measures the tables job with them too.
//
// --no-turbo-inlining: each worker thread compiles its own optimized code, and
// with V8's default inlining budget that cost about 2 s of CPU per worker in
// its first 15–30 MB of input (--trace-opt: 170 compilations, a third of them
// re-compilations of large inlined trees after a deopt); two workers paid it
// twice on two cores. Without inlining, compiling costs half as much and the
// warmed-up parse is 1–3 % slower: the 2-worker tables job took 10 % less
// time over 49 MB and 2–15 % less over 100 MB, the 1-worker job the same.
// BAOGAO_KEEP_V8_FLAGS=1 leaves V8's defaults alone.
export const v8Flags = ['--no-turbo-inlining'];
