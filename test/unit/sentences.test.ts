import { strict as assert } from 'assert';
import { sentenceStarts } from '../../src/core/sentences';

/** The text cut where its sentences start. */
function sentences(text: string): string[] {
  const starts = sentenceStarts(text);
  return starts.map((start, index) => text.slice(start, starts[index + 1]));
}

/** What Intl.Segmenter makes of the whole text, which the fast scan must equal. */
function segmented(text: string): string[] {
  return [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((segment) => segment.segment);
}

describe('sentence ends in other scripts', () => {
  const cases: Array<[script: string, text: string, expected: string[]]> = [
    [
      'Cyrillic',
      'Министр сказал, что переговоры идут. Сделка близка! а если нет? «Тогда посмотрим», — добавил он. Цены выросли, т. е. на 5 %.\nНовый абзац.',
      // A lower-case word goes on after a full stop ("т. е. на"), not after "!"; a line break ends one.
      ['Министр сказал, что переговоры идут. ', 'Сделка близка! ', 'а если нет? ', '«Тогда посмотрим», — добавил он. ', 'Цены выросли, т. е. на 5 %.\n', 'Новый абзац.'],
    ],
    [
      'Greek',
      'Ο υπουργός μίλησε. Η συμφωνία είναι κοντά! ή όχι; Θα δούμε, π.χ. αύριο. Ίσως και όχι.',
      // The Greek question mark ";" ends no sentence for the English segmenter (the engine's); nor does "π.χ." before a lower-case word.
      ['Ο υπουργός μίλησε. ', 'Η συμφωνία είναι κοντά! ', 'ή όχι; Θα δούμε, π.χ. αύριο. ', 'Ίσως και όχι.'],
    ],
    [
      'Georgian',
      // Lower case to JavaScript's \p{Lowercase}, but a script without case to the segmenter: a full stop ends a sentence.
      'ის წავიდა. ის დაბრუნდა. ',
      ['ის წავიდა. ', 'ის დაბრუნდა. '],
    ],
    ['Devanagari', 'मंत्री ने कहा। समझौता करीब है। क्या यह सच है? हाँ।', ['मंत्री ने कहा। ', 'समझौता करीब है। ', 'क्या यह सच है? ', 'हाँ।']],
  ];

  it('looks through a mark or a format character before a full stop, and past a letter written as a mark after one', () => {
    // A decomposed É ("E" and a combining accent), a mathematical capital (a surrogate pair), a soft
    // hyphen, and the half-width sound mark that attaches to the space before it.
    for (const text of ['Les E\u0301.U. sont là.', 'Mathematician 𝐀.B. Smith', 'º\u00AD﹒Ω', 'He said. ﾞA', 'a. (ﾞb']) {
      assert.deepEqual(sentences(text), segmented(text), JSON.stringify(text));
    }
  });

  for (const [script, text, expected] of cases) {
    it(`ends sentences in ${script} text where Intl.Segmenter does`, () => {
      assert.deepEqual(sentences(text), expected);
      assert.deepEqual(sentences(text), segmented(text));
    });
  }

  it('decides the usual ends in Cyrillic without asking the segmenter at each of them (it made a long draft slow)', () => {
    const paragraph = 'Министр сказал, что переговоры идут. Сделка близка! а если нет? Ответа нет. ';
    const text = paragraph.repeat(200);
    const segment = Intl.Segmenter.prototype.segment;
    let calls = 0;
    Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
      calls++;
      return segment.call(this, input);
    };
    let starts: number[];
    try {
      starts = sentenceStarts(text);
    } finally {
      Intl.Segmenter.prototype.segment = segment;
    }
    assert.equal(starts.length, 800);
    assert.deepEqual(sentences(paragraph), segmented(paragraph));
    // At most once per letter seen after a terminator (to learn its case), never per sentence.
    assert.ok(calls <= 10, `${calls} calls to the segmenter`);
  });
});
