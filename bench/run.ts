// `npm run bench`: speed of the engine on synthetic drafts of 10 KB to 10 MB, against the libraries
// annotation tools use. Each figure is the median of several runs; every comparison ends in a line
// `BENCH <name>: ours <x> ms, <peer> <y> ms, ratio <r>x`, every single figure in `BENCH <name>: <value> <unit>`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../src/core/analyze';
import { DraftText } from '../src/core/anchor';
import { parseAnnotationFile } from '../src/core/parse';
import { forgetFormIndex } from '../src/core/mentions';
import { forgetNeedleIndexes } from '../src/core/multiSearch';
import { sentenceStarts } from '../src/core/sentences';
import { inCyrillic, makeCorpus, type Corpus } from './corpus';
import { redraft } from './edits';
import { loadPeers, type Peers } from './peers';

const REPO = path.resolve(__dirname, '..', '..');
const SIZES = [
  { label: '10KB', bytes: 10_000, runs: 200, fuzzyQuotes: 20 },
  { label: '100KB', bytes: 100_000, runs: 30, fuzzyQuotes: 100 },
  { label: '1MB', bytes: 1_000_000, runs: 7, fuzzyQuotes: 100 },
  { label: '10MB', bytes: 10_000_000, runs: 3, fuzzyQuotes: 0 },
];
/** The peer anchors selectors one at a time over the whole text: at 1 MB and up, a sample of them. */
const EXACT_SAMPLE = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The engine keeps the indexes it builds from the annotations (the needles of the exact search, the
 * entities' forms) for the next analysis of the same draft: typing in the editor reuses them. A full
 * analysis, and anchoring compared with a peer that keeps nothing, must build them: every such figure
 * forgets them before each run (untimed), and only the keystroke figures keep them, as the editor does.
 */
function fromScratch(): void {
  forgetNeedleIndexes();
  forgetFormIndex();
}

/**
 * Untimed runs first, so that the figure is of compiled code, as in a running editor after its first
 * few analyses: a quarter of the timed runs, up to 25, and at least one (a size benched alone has run
 * nothing before); then more, until they have taken WARM_UP_MS. The optimising compiler can take
 * hundreds of calls of a sub-millisecond run (a function deoptimised, then waiting to be compiled
 * again): with 25 warm-up runs, exact anchoring at 10 KB had a median of 0.12 to 0.16 ms where it takes
 * 0.065 ms once compiled, and a median of runs half of which are not yet compiled says more about the
 * compiler than about the code. The same for both engines of a comparison.
 */
function warmUps(runs: number): number {
  return runs > 3 ? Math.min(25, Math.ceil(runs / 4)) : 1;
}

/** How long the warm-up runs of a figure take at least (a run of a few seconds is one run). */
const WARM_UP_MS = 250;

function warmUp(run: () => void, runs: number, beforeEach: () => void): void {
  const start = performance.now();
  for (let done = 0; done < warmUps(runs) || performance.now() - start < WARM_UP_MS; done++) {
    beforeEach();
    run();
  }
}

async function warmUpAsync(run: () => Promise<void>, runs: number): Promise<void> {
  const start = performance.now();
  for (let done = 0; done < warmUps(runs) || performance.now() - start < WARM_UP_MS; done++) await run();
}

/** Timed runs of a comparison that takes milliseconds (10 KB), for both engines: a steady median. */
const SMALL_RUNS = 101;

function time(run: () => void, runs: number, beforeEach: () => void = fromScratch): number {
  warmUp(run, runs, beforeEach);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    beforeEach();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function timeAsync(run: () => Promise<void>, runs: number): Promise<number> {
  await warmUpAsync(run, runs);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}

function compare(name: string, ours: number, peer: string, theirs: number): void {
  console.log(`BENCH ${name}: ours ${ms(ours)} ms, ${peer} ${ms(theirs)} ms, ratio ${(theirs / ours).toFixed(1)}x`);
}

function figure(name: string, value: string, unit: string): void {
  console.log(`BENCH ${name}: ${value} ${unit}`);
}

const DRAFT_PATH = '/bench/articles/draft.txt';
const YAML_PATH = '/bench/annotations/draft.yaml';

function fullAnalysis(corpus: Corpus): void {
  analyze({ draft: { path: DRAFT_PATH, text: corpus.draft }, annotations: parseAnnotationFile(YAML_PATH, corpus.yaml) });
}

function analysisBench(corpus: Corpus, label: string, runs: number): number {
  const parsed = parseAnnotationFile(YAML_PATH, corpus.yaml);
  const check = analyze({ draft: { path: DRAFT_PATH, text: corpus.draft }, annotations: parsed });
  const anchored = check.claims.filter((claim) => claim.range).length;
  console.log(`  ${label}: draft ${corpus.draft.length} chars, YAML ${corpus.yaml.length} chars, ${corpus.claims.length} claims (${anchored} anchored), ${corpus.entityCount} entities, ${check.mentions.length} mentions, ${check.findings.length} findings`);
  const parse = time(() => parseAnnotationFile(YAML_PATH, corpus.yaml), runs);
  const engine = time(() => analyze({ draft: { path: DRAFT_PATH, text: corpus.draft }, annotations: parsed }), runs);
  const whole = time(() => fullAnalysis(corpus), runs);
  console.log(`  ${label}: parse ${ms(parse)} ms + analyze ${ms(engine)} ms`);
  figure(`analysis ${label}`, ms(whole), 'ms');
  return whole;
}

/** Drafts analysed one after the other in each batch of meanCost(), in characters: 80 analyses of 100 KB. */
const BATCH_VOLUME = 8_000_000;

/**
 * The mean time of a full analysis over a batch of analyses of the same draft, the garbage they leave
 * collected in the batch: the median over batches. The median of single runs (the analysis figure)
 * leaves the collection out at 100 KB, where V8 collects the young generation once every few runs and
 * most runs collect nothing, but not at 1 MB, where every run fills the young generation two or three
 * times. The growth of this mean tells that apart from the growth of the engine's own work.
 */
function meanCost(corpus: Corpus): number {
  const perBatch = Math.max(1, Math.round(BATCH_VOLUME / corpus.draft.length));
  // fromScratch() only drops two references: timed with the analyses, it costs nothing.
  const batch = (): void => {
    for (let i = 0; i < perBatch; i++) {
      fromScratch();
      fullAnalysis(corpus);
    }
  };
  return time(batch, perBatch > 1 ? 5 : 3, () => undefined) / perBatch;
}

/**
 * The growth the machine itself gives a job that is linear on paper: reading the same draft and YAML
 * word by word and keeping a small object per word (as any reader of a file into a model does). Its
 * time past 100 KB grows faster than its input, because the objects it keeps no longer fit the young
 * generation of V8's heap (and the text no longer fits the processor's nearer caches). A comparison
 * for the analysis's growth figure, not a bound: it swings more than the analysis from run to run.
 */
function linearReference(corpus: Corpus, runs: number): number {
  const text = corpus.draft + corpus.yaml;
  let kept: Array<{ start: number; end: number }> = [];
  const readWords = (): void => {
    kept = [];
    const word = /\w+/g;
    for (let match = word.exec(text); match; match = word.exec(text)) kept.push({ start: match.index, end: word.lastIndex });
  };
  const median = time(readWords, runs, () => undefined);
  if (kept.length === 0) throw new Error('the reference job read no words');
  return median;
}

/** Sentence ends of the draft, and of the same draft in Cyrillic letters (once 15 to 70 times as slow). */
function sentencesBench(corpus: Corpus, label: string): void {
  const cyrillic = inCyrillic(corpus.draft);
  figure(`sentences ${label}`, ms(time(() => sentenceStarts(corpus.draft), 21)), 'ms');
  figure(`sentences ${label} in Cyrillic`, ms(time(() => sentenceStarts(cyrillic), 21)), 'ms');
}

async function exactBench(corpus: Corpus, label: string, peers: Peers): Promise<void> {
  const step = Math.max(1, Math.floor(corpus.claims.length / EXACT_SAMPLE));
  const sampled = corpus.claims.filter((_, index) => index % step === 0);
  await compareExact(corpus, `exact anchoring ${label}`, sampled.map((claim) => ({ text: claim.text })), peers);
  if (sampled.length < EXACT_SAMPLE) return;
  // The corpus's claims all begin "the" or "The" and one of a hundred words: a few hundred distinct
  // first windows, which the search finds with one regex. Real claims begin every which way; past 512
  // distinct windows it hashes every place of the draft instead. The same claims without their first
  // word take that way.
  const varied = sampled.map((claim) => ({ text: claim.text.slice(claim.text.indexOf(' ') + 1) }));
  await compareExact(corpus, `exact anchoring ${label}, varied beginnings`, varied, peers);
}

async function compareExact(corpus: Corpus, name: string, selectors: ReadonlyArray<{ text: string }>, peers: Peers): Promise<void> {
  const windows = new Set(selectors.map((selector) => selector.text.slice(0, 8))).size;
  const work = selectors.length * corpus.draft.length;
  const runs = work > 1e7 ? 3 : SMALL_RUNS;
  let ourMatches = 0;
  let theirMatches = 0;
  const ours = time(() => {
    ourMatches = new DraftText(corpus.draft).anchorAll(selectors, { fuzzy: false }).filter((result) => result.kind === 'found').length;
  }, Math.max(runs, 21));
  const theirs = await timeAsync(async () => {
    theirMatches = (await peers.exactAll(corpus.draft, selectors)).filter((matches) => matches.length > 0).length;
  }, runs);
  console.log(`  ${name}: ${selectors.length} selectors, ${windows} distinct first windows; found by ours ${ourMatches}, by the peer ${theirMatches}`);
  compare(`${name} (${selectors.length} selectors)`, ours, '@apache-annotator/selector', theirs);
}

function fuzzyBench(corpus: Corpus, label: string, count: number, peers: Peers): void {
  const { draft, quotes } = redraft(corpus, count);
  const right = (found: { start: number; end: number } | undefined, quote: (typeof quotes)[number]): boolean =>
    found !== undefined && found.start < quote.end && quote.start < found.end;
  let ourRight = 0;
  let theirRight = 0;
  const selectors = quotes.map((quote) => ({ text: quote.exact, prefix: quote.prefix, suffix: quote.suffix }));
  // A run takes a few milliseconds at 10 KB: more runs there, for both, give a steady median.
  const small = draft.length < 50_000;
  const runs = small ? SMALL_RUNS : 7;
  const ours = time(() => {
    const results = new DraftText(draft).anchorAll(selectors);
    ourRight = results.filter((result, index) => result.kind === 'found' && right(result.range, quotes[index])).length;
  }, runs);
  // The peer takes seconds a run at 1 MB: the median of three there (its code is compiled by then).
  const theirs = time(() => {
    theirRight = quotes.filter((quote) => right(peers.fuzzy(draft, quote), quote)).length;
  }, small ? runs : draft.length > 200_000 ? 3 : 5);
  compare(`fuzzy re-anchoring ${label} (${quotes.length} edited quotes)`, ours, 'approx-string-match', theirs);
  figure(`fuzzy accuracy ${label} ours`, ((100 * ourRight) / quotes.length).toFixed(1), '%');
  figure(`fuzzy accuracy ${label} approx-string-match`, ((100 * theirRight) / quotes.length).toFixed(1), '%');
}

/** Re-analysis of a 100 KB draft after one typed character, the YAML already parsed (the editor's case). */
function keystrokeBench(corpus: Corpus): void {
  const parsed = parseAnnotationFile(YAML_PATH, corpus.yaml);
  const claim = corpus.claims[Math.floor(corpus.claims.length / 2)];
  const typeAt = (offset: number) => corpus.draft.slice(0, offset) + 'x' + corpus.draft.slice(offset);
  const inClaim = typeAt(claim.start + 4);
  const outside = typeAt(claim.end + 1);
  const keepIndexes = (): void => {};
  const outsideTime = time(() => analyze({ draft: { path: DRAFT_PATH, text: outside }, annotations: parsed }), 30, keepIndexes);
  const insideTime = time(() => analyze({ draft: { path: DRAFT_PATH, text: inClaim }, annotations: parsed }), 30, keepIndexes);
  figure('keystroke 100KB (edit between claims)', ms(outsideTime), 'ms');
  figure('keystroke 100KB (edit inside a claim: drifted)', ms(insideTime), 'ms');
}

function peakMemory(): void {
  const script = path.join(__dirname, 'peak.js');
  const report = JSON.parse(execFileSync(process.execPath, [script, '10000000'], { encoding: 'utf8' })) as { before: number; after: number };
  figure('peak memory 10MB (process RSS)', (report.after / 1024).toFixed(0), 'MB');
  figure('peak memory 10MB (added by the analysis)', ((report.after - report.before) / 1024).toFixed(0), 'MB');
}

function bundle(): void {
  execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: REPO, stdio: 'inherit' });
  try {
    figure('bundle dist/extension.js (production)', (fs.statSync(path.join(REPO, 'dist', 'extension.js')).size / 1024).toFixed(0), 'KB');
    coreLoadTime();
    activation();
  } finally {
    // Leave dist/ as the development build the tests and F5 expect, whatever failed above.
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
  }
}

/** The core alone, bundled as the extension is, and the time a fresh Node takes to load it. */
function coreLoadTime(): void {
  const out = path.join(os.tmpdir(), `editorial-core-${process.pid}.js`);
  const entry = path.join(os.tmpdir(), `editorial-core-entry-${process.pid}.ts`);
  try {
    fs.writeFileSync(entry, `export { analyze } from ${JSON.stringify(path.join(REPO, 'src/core/analyze'))};\nexport { parseAnnotationFile } from ${JSON.stringify(path.join(REPO, 'src/core/parse'))};\n`);
    execFileSync(path.join(REPO, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--platform=node', '--format=cjs', '--minify', `--outfile=${out}`, '--log-level=warning']);
    const loads: number[] = [];
    for (let i = 0; i < 7; i++) {
      const printed = execFileSync(process.execPath, ['-e', `const t=performance.now();require(${JSON.stringify(out)});console.log(performance.now()-t)`], { encoding: 'utf8' });
      loads.push(Number(printed));
    }
    figure('bundled core size', (fs.statSync(out).size / 1024).toFixed(0), 'KB');
    figure('require bundled core', ms(median(loads)), 'ms');
  } finally {
    fs.rmSync(out, { force: true });
    fs.rmSync(entry, { force: true });
  }
}

/**
 * The production bundle's first activation in a fresh VS Code (code-server, as the editor tests run
 * it), as the extension measures it: evaluating its bundle, then activate(). Median of three editors.
 */
function activation(): void {
  if (!fs.existsSync(path.join(REPO, '.cache', 'code-server'))) {
    console.log('  activation not measured: code-server is not installed (bash scripts/install-code-server.sh)');
    return;
  }
  const runs: { loading: number; activating: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const printed = execFileSync(process.execPath, ['scripts/run-vscode-tests.mjs'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, EDITORIAL_TEST_GREP: 'reports what activating cost' },
    });
    const line = /^activation: (.*)$/m.exec(printed);
    if (!line) throw new Error(`the editor run printed no activation figures:\n${printed}`);
    runs.push(JSON.parse(line[1]) as { loading: number; activating: number });
  }
  const loading = median(runs.map((run) => run.loading));
  const activating = median(runs.map((run) => run.activating));
  figure('extension activation (production bundle, code-server)', ms(median(runs.map((run) => run.loading + run.activating))), 'ms');
  console.log(`  of which evaluating the bundle ${ms(loading)} ms, activate() ${ms(activating)} ms (medians)`);
}

/**
 * `npm run bench -- 10KB 100KB` measures only those sizes (and skips the memory, bundle and activation
 * figures): for working on one part. Growth is printed between the sizes measured.
 */
function sizesAsked(): { sizes: typeof SIZES; everything: boolean } {
  const asked = process.argv.slice(2);
  if (asked.length === 0) return { sizes: SIZES, everything: true };
  const unknown = asked.filter((label) => !SIZES.some((size) => size.label === label));
  if (unknown.length > 0) throw new Error(`unknown size ${unknown.join(', ')}: the sizes are ${SIZES.map((size) => size.label).join(', ')}`);
  return { sizes: SIZES.filter((size) => asked.includes(size.label)), everything: false };
}

async function main(): Promise<void> {
  const { sizes, everything } = sizesAsked();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${os.cpus().length} cores, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const peers = await loadPeers();
  const wholes: number[] = [];
  const means: number[] = [];
  const references: number[] = [];
  for (const size of sizes) {
    console.log(`\n${size.label}`);
    const corpus = makeCorpus(size.bytes);
    wholes.push(analysisBench(corpus, size.label, size.runs));
    means.push(meanCost(corpus));
    figure(`analysis ${size.label}, mean with garbage collection`, ms(means[means.length - 1]), 'ms');
    references.push(linearReference(corpus, size.runs));
    if (size.bytes <= 1_000_000) await exactBench(corpus, size.label, peers);
    if (size.fuzzyQuotes > 0) fuzzyBench(corpus, size.label, size.fuzzyQuotes, peers);
    if (size.bytes === 100_000) keystrokeBench(corpus);
    if (size.bytes === 1_000_000) sentencesBench(corpus, size.label);
  }
  console.log('\nGrowth (10× the input; linear is 10×, the target at most 11×)');
  // Only between sizes 10× apart, as the heading says.
  for (let i = 1; i < sizes.length; i++) {
    if (sizes[i].bytes !== 10 * sizes[i - 1].bytes) continue;
    const between = `${sizes[i].label}/${sizes[i - 1].label}`;
    figure(`growth ${between}`, (wholes[i] / wholes[i - 1]).toFixed(1), 'x');
    figure(`growth ${between} of the mean with garbage collection`, (means[i] / means[i - 1]).toFixed(1), 'x');
    figure(`growth ${between} of a reference job (linear, keeps an object per word)`, (references[i] / references[i - 1]).toFixed(1), 'x');
  }
  if (!everything) return;
  console.log('\nMemory and size');
  peakMemory();
  bundle();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
