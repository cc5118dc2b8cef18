/** One line of the benchmark table. */
export type BenchRow = { suite: string; case: string; value: string; note?: string };

/** A benchmark suite: runs, and returns its rows. */
export type BenchSuite = { name: string; run(): Promise<BenchRow[]> };
