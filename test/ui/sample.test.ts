// What a new user sees on opening the sample: an entity card on hover and the deliberate warnings
// in the Problems panel. The expected texts come from the sample's own YAML, so the checks follow it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { workbench } from './workbench';

const repoRoot = path.resolve(__dirname, '../../..');
const DRAFT = 'articles/putin-witkoff-talks.txt';

interface SampleEntity {
  name: string;
  description?: string;
}

function sampleEntity(id: string): SampleEntity {
  const text = fs.readFileSync(path.join(repoRoot, 'annotations/putin-witkoff-talks.yaml'), 'utf8');
  const sample = parse(text) as { entities: Record<string, SampleEntity> };
  return sample.entities[id];
}

describe('the sample article', () => {
  before(async () => {
    await workbench().openFile(DRAFT);
  });

  it('shows an entity card when hovering a name', async () => {
    const putin = sampleEntity('putin');
    const hover = await workbench().hover(putin.name);
    await workbench().screenshot('hover-entity');
    assert.ok(hover.includes(putin.name), `hover shows the name; it shows:\n${hover}`);
    if (putin.description) assert.ok(hover.includes(putin.description), `hover shows the description; it shows:\n${hover}`);
  });

  // The deliberate warnings of the sample, by their stable codes (its YAML's header lists them).
  for (const code of ['unattributed-claim', 'vague-attribution', 'loaded-attribution-verb']) {
    it(`shows the sample's ${code} warning in the Problems panel`, async () => {
      const rows = await workbench().problems(code);
      await workbench().screenshot(`problems-${code}`);
      assert.ok(rows.some((row) => row.includes(code)), `the rows are:\n${rows.join('\n')}`);
    });
  }
});
