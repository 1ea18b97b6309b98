// Run by bench/run.ts in a fresh process: the peak resident memory of one full analysis of a draft of
// the given size. Prints {"before": KB once the corpus is made, "after": KB peak after the analysis}.
import { analyze } from '../src/core/analyze';
import { parseAnnotationFile } from '../src/core/parse';
import { makeCorpus } from './corpus';

const corpus = makeCorpus(Number(process.argv[2] ?? 10_000_000));
const before = process.resourceUsage().maxRSS;
const analysis = analyze({ draft: { path: '/bench/draft.txt', text: corpus.draft }, annotations: parseAnnotationFile('/bench/draft.yaml', corpus.yaml) });
const after = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ before, after, claims: analysis.claims.length }));
