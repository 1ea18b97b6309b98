import { strict as assert } from 'assert';
import { DraftText } from '../../src/core/anchor';
import { describeSpan, pinSpan } from '../../src/core/selectors';

/** Describes the nth occurrence of `words` and checks the selector finds exactly that span again. */
function describeNth(draftText: string, words: string, nth: number) {
  let start = -1;
  for (let i = 0; i < nth; i++) start = draftText.indexOf(words, start + 1);
  const range = { start, end: start + words.length };
  const draft = new DraftText(draftText);
  const selector = describeSpan(draft, range);
  assert.ok(selector, 'a selector is written');
  const found = draft.anchor(selector);
  assert.equal(found.kind, 'found');
  if (found.kind === 'found') {
    assert.deepEqual(found.range, range);
    assert.equal(found.candidates, 1, 'the selector must be unique');
  }
  return selector;
}

describe('writing a minimal selector', () => {
  it('is the text alone when the text is unique', () => {
    assert.deepEqual(describeNth('Kyiv has not commented.', 'has not commented', 1), { text: 'has not commented' });
  });

  it('adds the shortest context, widened to whole words, when the text repeats', () => {
    const draft = 'Trump said yes on Monday. Zelensky said no on Tuesday. Trump said no again.';
    const second = describeNth(draft, 'said no', 1);
    assert.deepEqual(second, { text: 'said no', prefix: 'Zelensky ', suffix: ' on' });
    const third = describeNth(draft, 'said no', 2);
    assert.deepEqual(third, { text: 'said no', prefix: 'Trump ', suffix: ' again' });
  });

  it('uses context on one side only when the other side runs out', () => {
    const selector = describeNth('stop. stop. stop', 'stop', 3);
    assert.equal(selector.suffix ?? '', '');
    assert.ok(selector.prefix && selector.prefix.length > 0);
  });

  it('keeps the draft\'s own characters (curly quotes) in the context', () => {
    const draft = 'Putin’s talks began. Later, Witkoff’s talks began.';
    const selector = describeNth(draft, 'talks began', 2);
    assert.equal(selector.prefix, 'Witkoff’s ');
  });

  it('never tells places apart by white space alone, which the anchorer reads past', () => {
    // "Putin on" and "Putin’s": a space after the one, an apostrophe after the other; a space before both.
    const putin = 'Russian President Vladimir Putin on Friday met the envoy.\nPutin’s aide Yuri Ushakov said the talks were constructive.';
    assert.deepEqual(describeNth(putin, 'Putin', 1), { text: 'Putin', prefix: 'Vladimir ', suffix: ' on' });
    assert.deepEqual(describeNth(putin, 'Putin', 2), { text: 'Putin', prefix: 'envoy.\n', suffix: '’s' });
    // A line break before the one, a space before the other: both read as one space.
    const minister = 'The minister met the minister of health.\nThe minister said no.';
    assert.deepEqual(describeNth(minister, 'The minister', 2), { text: 'The minister', prefix: 'health.\n', suffix: ' said' });
  });

  it('keeps a context\'s fields when pinning a span, brought up to date, and gives up only when nothing pins it', () => {
    const draft = new DraftText('Lee said the plan was good. Ruiz said the plan was late.');
    const second = draft.text.lastIndexOf('the plan');
    const range = { start: second, end: second + 'the plan'.length };
    // The old prefix and occurrence no longer fit: replaced by the draft's words and a count that do.
    assert.deepEqual(pinSpan(draft, range, { prefix: 'Mayor Ortiz said ', occurrence: 4 }), { text: 'the plan', prefix: 'Ruiz said ', suffix: ' was late', occurrence: 1 });
    assert.equal(describeSpan(draft, { start: 3, end: 4 }), undefined, 'a range of white space has no words to find');
  });
});
