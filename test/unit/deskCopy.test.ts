// The checks on copy as newsrooms write it: paragraphs, titles and initials, British quotation marks,
// quotations over several paragraphs, inch marks, verbs that take sides in another sense. Each case is
// a short passage of the kind a desk editor found flagged wrongly, or not flagged, in realistic drafts.
import { strict as assert } from 'assert';
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/analyze';
import { findQuotations } from '../../src/core/findings/quotes';
import { parseAnnotationFile } from '../../src/core/parse';

const DRAFT = '/desk/articles/story.md';
const YAML = '/desk/annotations/story.yaml';

function analyzeCopy(draft: string, yaml: string): Analysis {
  const analysis = analyze({ draft: { path: DRAFT, text: draft }, annotations: parseAnnotationFile(YAML, yaml) });
  assert.deepEqual(analysis.annotations.findings, [], 'the annotation file itself is clean');
  for (const { claim, range } of analysis.claims) assert.ok(range, `claim ${claim.id} anchors`);
  return analysis;
}

/** The words of the draft under each finding of `code`. */
function flagged(analysis: Analysis, code: string): string[] {
  return analysis.findings.filter((finding) => finding.code === code).map((finding) => analysis.draft!.text.slice(finding.range.start, finding.range.end));
}

/** The words of each quotation findQuotations finds in `text`, marks included. */
function quotations(text: string): string[] {
  return findQuotations(text).map((range) => text.slice(range.start, range.end));
}

const BAILEY = 'version: 1\nentities:\n  bailey: {name: Andrew Bailey, type: person, aliases: [Bailey]}\nclaims:\n';

describe('desk copy', () => {
  describe('the attribution window', () => {
    it('counts no blank line between paragraphs as a sentence', () => {
      const draft = '"Inflation has come down a long way," Bailey told reporters.\n\n"We need to be sure that price pressures are fading."\n';
      const yaml = `${BAILEY}  - {text: "Inflation has come down a long way,", type: direct-quote, source: bailey}\n  - {text: We need to be sure that price pressures are fading., type: direct-quote, source: bailey}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'attribution-not-in-text'), []);
      // Two paragraphs on, the source is out of the window, blank lines or not.
      const farther = draft.replace('\n\n', '\n\nThe pound rose.\n\nMarkets were calm.\n\n');
      assert.deepEqual(flagged(analyzeCopy(farther, yaml), 'attribution-not-in-text'), ['We need to be sure that price pressures are fading.']);
    });

    it('ends no sentence at the full stop of a title or of initials', () => {
      const yaml = 'version: 1\nentities:\n  schumer: {name: Chuck Schumer, type: person, aliases: [Schumer]}\nclaims:\n  - {text: The bill will bring jobs back from Asia., type: prediction, source: schumer}\n';
      for (const draft of [
        'Mr. Schumer met the U.S. Trade Representative on Monday. The bill will bring jobs back from Asia.\n',
        'Schumer met Dr. Ana Ruiz and Gen. J. R. Hale in Washington, D.C. on Monday. The bill will bring jobs back from Asia.\n',
      ]) {
        assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'attribution-not-in-text'), [], draft);
      }
      // A real sentence between still counts: the window is one sentence each side.
      const between = 'Schumer met the U.S. Trade Representative on Monday. Talks ran late. Nobody spoke. The bill will bring jobs back from Asia.\n';
      assert.deepEqual(flagged(analyzeCopy(between, yaml), 'attribution-not-in-text'), ['The bill will bring jobs back from Asia.']);
    });
  });

  describe('hard-wrapped paragraphs', () => {
    const yaml = 'version: 1\nentities:\n  schumer: {name: Chuck Schumer, type: person, aliases: [Schumer]}\nclaims:\n';

    it('read as one sentence where a line ends with no full stop', () => {
      const draft = 'Senator Chuck Schumer told reporters on Monday\nthat the new law would, over the coming\ndecade, bring back thousands of jobs from Asia.\n';
      const claim = `${yaml}  - {text: bring back thousands of jobs from Asia, type: prediction, source: schumer}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, claim), 'attribution-not-in-text'), []);
    });

    it('go on after a title at the end of a line, and over the lines of a block quote', () => {
      const atTitle = 'The bill was signed at the Capitol on Monday by Gov.\nChuck Schumer, who called it historic. It will bring back thousands of jobs from Asia.\n';
      const claim = `${yaml}  - {text: It will bring back thousands of jobs from Asia., type: prediction, source: schumer}\n`;
      assert.deepEqual(flagged(analyzeCopy(atTitle, claim), 'attribution-not-in-text'), []);
      const blockQuote = '> "We got this wrong, and the bill will bring back thousands of jobs from Asia to so\n> many families," said Senator\n> Chuck Schumer.\n';
      const quoted = `${yaml}  - {text: the bill will bring back thousands of jobs from Asia, type: prediction, source: schumer}\n`;
      assert.deepEqual(flagged(analyzeCopy(blockQuote, quoted), 'attribution-not-in-text'), []);
    });

    it('go on after abbreviations a desk uses: a.m., No., Corp., e.g.', () => {
      const draft = 'Schumer arrived at 10 a.m. Tuesday and left No. 10 with Acme Corp. executives. The bill will bring back jobs.\n';
      const claim = `${yaml}  - {text: The bill will bring back jobs., type: prediction, source: schumer}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, claim), 'attribution-not-in-text'), []);
    });

    it('keep list items, headings and paragraphs apart', () => {
      const draft = '# Schumer on trade\n\n- Schumer spoke on Monday\n- Jobs will come back\n- Trade rose\n- Stocks fell\n';
      const claim = `${yaml}  - {text: Stocks fell, type: fact, source: schumer}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, claim), 'attribution-not-in-text'), ['Stocks fell']);
    });

    it('give each item of a list the line that introduces it', () => {
      const draft = 'Prices rose again. Schumer\'s report lists three risks:\n\n1. Jobs will leave for Asia.\n2. Wages will stall.\n3. Stocks will fall.\n\nMarkets were calm.\n';
      const claims = `${yaml}  - {text: Stocks will fall., type: prediction, source: schumer}\n  - {text: Markets were calm., type: fact, source: schumer}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, claims), 'attribution-not-in-text'), ['Markets were calm.']);
    });
  });

  describe('loaded verbs', () => {
    const people = 'version: 1\nentities:\n  arteta: {name: Mikel Arteta, type: person, aliases: [Arteta]}\n  marsh: {name: Lee Marsh, type: person, aliases: [Marsh]}\n  lopez: {name: Ana Lopez, type: person, aliases: [Lopez]}\nclaims:\n';

    it('reports one that attributes the claim, before it or after it', () => {
      const draft = 'Arteta claimed on Monday in a statement that the title race was over. "We are the better side," Lopez insisted.\n';
      const yaml = `${people}  - {text: the title race was over, type: paraphrase, source: arteta}\n  - {text: We are the better side, type: direct-quote, source: lopez}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), ['claimed', 'insisted']);
    });

    it('reports each verb in its present and its past: "claims" and "alleged" too', () => {
      const draft = 'Ruiz claims that the bridge was safe. Marsh alleged that the mayor lied. Lopez points out the ferry is full.\n';
      const yaml =
        'version: 1\nentities:\n  ruiz: {name: Ruiz, type: person}\n  marsh: {name: Marsh, type: person}\n  lopez: {name: Lopez, type: person}\nclaims:\n' +
        '  - {text: the bridge was safe, type: paraphrase, source: ruiz}\n  - {text: the mayor lied, type: allegation, source: marsh}\n  - {text: the ferry is full, type: paraphrase, source: lopez}\n';
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), ['claims', 'alleged', 'points out']);
    });

    it('leaves alone a noun or an adjective: after an article, a possessive or a preposition, or before "of"', () => {
      const draft = [
        'The claims that the bridge was safe came from Ruiz.',
        'Ruiz’s claims the ferry was full were repeated by Lopez.',
        'Ruiz repeated claims of fraud, hinting the mayor lied.',
        'Marsh pointed to an alleged bribe as proof the council had been misled.',
        '',
      ].join('\n');
      const yaml =
        'version: 1\nentities:\n  ruiz: {name: Ruiz, type: person}\n  marsh: {name: Marsh, type: person}\nclaims:\n' +
        '  - {text: the bridge was safe, type: paraphrase, source: ruiz}\n  - {text: the ferry was full, type: paraphrase, source: ruiz}\n' +
        '  - {text: the mayor lied, type: allegation, source: ruiz}\n  - {text: the council had been misled, type: allegation, source: marsh}\n';
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), []);
    });

    it('leaves alone one in another sense, away from the claim or with "said" between', () => {
      const draft = [
        'Arteta, whose side conceded twice in the final 10 minutes, said the title race was far from over.',
        'Marsh, who admitted four further counts of false accounting, told the court he had been under enormous pressure.',
        '',
      ].join('\n');
      const yaml = `${people}  - {text: the title race was far from over, type: paraphrase, source: arteta}\n  - {text: he had been under enormous pressure, type: paraphrase, source: marsh}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), []);
    });

    it('finds one after a quotation that wraps onto the next line, and none inside one in any marks', () => {
      const people2 = 'version: 1\nentities:\n  delaney: {name: Pat Delaney, type: person, aliases: [Delaney]}\n  lopez: {name: Ana Lopez, type: person, aliases: [Lopez]}\nclaims:\n';
      const wrapped = 'Delaney said the cut was "too small\nand too late" and insisted that the state could afford 20 cents.\n';
      assert.deepEqual(flagged(analyzeCopy(wrapped, `${people2}  - {text: the state could afford 20 cents, type: paraphrase, source: delaney}\n`), 'loaded-attribution-verb'), ['insisted']);
      for (const quoted of [
        'Lopez said the offer was ‘fair, and we have never admitted otherwise’.',
        'Lopez said the offer was « fair, and we have never admitted otherwise ».',
        "Lopez said the offer was 'fair, and we have never admitted otherwise'.",
      ]) {
        const draft = `${quoted}\n`;
        assert.deepEqual(flagged(analyzeCopy(draft, `${people2}  - {text: the offer was, type: paraphrase, source: lopez}\n`), 'loaded-attribution-verb'), [], quoted);
      }
    });

    it('leaves alone one in a passive, with a preposition or with a number for object', () => {
      const yaml = 'version: 1\nentities:\n  council: {name: Insurance Council, type: organization}\n  health: {name: Queensland Health, type: organization}\n  ruiz: {name: Ruiz, type: person}\nclaims:\n  - {text: will cost insurers at least A$2 billion, type: prediction, source: council}\n  - {text: remains in a serious condition, type: fact, source: health}\n  - {text: the notes were accurate, type: paraphrase, source: ruiz}\n';
      const draft = [
        'The cyclone that claimed 12 lives will cost insurers at least A$2 billion, the Insurance Council said.',
        'A man who was admitted to hospital remains in a serious condition, Queensland Health said.',
        'Ruiz insisted on reading her own notes and said the notes were accurate.',
        '',
      ].join('\n');
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), []);
    });

    it('reports one at most six words from the claim, not seven', () => {
      const yaml = `${people}  - {text: the title race was over, type: paraphrase, source: arteta}\n`;
      // "on Monday in a statement that": six words between.
      assert.deepEqual(flagged(analyzeCopy('Arteta claimed on Monday in a statement that the title race was over.\n', yaml), 'loaded-attribution-verb'), ['claimed']);
      // "on Monday night in a statement that": seven, too far to be what attributes it.
      assert.deepEqual(flagged(analyzeCopy('Arteta claimed on Monday night in a statement that the title race was over.\n', yaml), 'loaded-attribution-verb'), []);
    });

    it('leaves alone one after "being", a passive', () => {
      const yaml = 'version: 1\nentities:\n  lawyer: {name: Dana Price, type: person, aliases: [Price]}\nclaims:\n  - {text: will top $40 million, type: prediction, source: lawyer}\n';
      const draft = 'The compensation being claimed by the families will top $40 million, their lawyer, Dana Price, told reporters.\n';
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), []);
    });

    it('leaves alone one that ends the words of another claim', () => {
      // "admitted" is what the firm did, in the first claim's words; the second claim, right after it, is Lopez's.
      const yaml = `${people}  - {text: the fraud that the firm admitted, type: fact, basis: public-record}\n  - {text: a scandal, type: opinion, source: lopez}\n`;
      assert.deepEqual(flagged(analyzeCopy('Lopez called the fraud that the firm admitted a scandal.\n', yaml), 'loaded-attribution-verb'), []);
    });

    it('reports a verb once when it attributes two claims', () => {
      const yaml = `${people}  - {text: the bridge was safe, type: paraphrase, source: lopez}\n  - {text: the tunnel was dry, type: paraphrase, source: lopez}\n`;
      const analysis = analyzeCopy('Lopez claimed the bridge was safe and the tunnel was dry.\n', yaml);
      assert.deepEqual(flagged(analysis, 'loaded-attribution-verb'), ['claimed']);
    });

    it('leaves alone one in the words of a quotation, in its second sentence too', () => {
      const draft = '“We did nothing wrong. We have never admitted liability,” Lopez said, adding that the firm would appeal.\n';
      const yaml = `${people}  - {text: We did nothing wrong., type: direct-quote, source: lopez}\n  - {text: the firm would appeal, type: paraphrase, source: lopez}\n`;
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'loaded-attribution-verb'), []);
    });
  });

  describe('vague attribution', () => {
    it('matches a phrase as whole words, a hyphenated word being one', () => {
      const draft = 'It is thought that the prize will go to a debut. The jury said it is thought-provoking and well-reportedly funny.\n';
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'vague-attribution'), ['It is thought']);
    });

    it('takes "was said to" for a hedge before a verb, not where someone was spoken to', () => {
      const draft = 'The minister was said to be furious. Crewe could not recall what was said to him at the meeting, what was said to reporters, what was said to Mr. Okafor or what was said to police.\n';
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'vague-attribution'), ['was said to']);
    });

    it('takes "was said to" before an initialism for someone spoken to', () => {
      const draft = 'Nothing of the plan was said to US officials before the summit, and little more was said to MPs after it.\n';
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'vague-attribution'), []);
    });
  });

  describe('unannotated quotations', () => {
    it('finds them in single curly quotes, as British copy writes them, apostrophes and a ‘ glued to a word (Hawai‘i) aside', () => {
      const draft = [
        'The chancellor, Rachel Reeves, defended the budget on Wednesday. ‘We have taken the difficult decisions so that working people don’t have to,’ she said.',
        'A Treasury source added: ‘There will be no second emergency budget this year.’ The Treasury’s figures were not published.',
        'Visitor numbers to Hawai‘i fell by a third last year, the islands’ tourism board said.',
        '',
      ].join('\n');
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'unannotated-quote'), [
        '‘We have taken the difficult decisions so that working people don’t have to,’',
        '‘There will be no second emergency budget this year.’',
      ]);
    });

    it('closes a single quotation at a ’ after an "s" when the next ’ is on a later line', () => {
      // The ’ after "passes" could be a plural possessive; no other ’ closes the quotation on its line.
      const draft = '‘We will not cut the free bus passes’, the council leader told the meeting.\n\nThe council’s budget is due in March.\n';
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'unannotated-quote'), ['‘We will not cut the free bus passes’']);
    });

    it('finds the first paragraph of a quotation that goes on in the next, opened again as newspapers do', () => {
      const draft = [
        'Mayor Karen Bass defended the city’s response at a news conference on Monday.',
        '“Every fire crew we had was on the line within the hour. Nobody sat on their hands.',
        '',
        '“We will look at what went wrong, and we will fix it,” Bass said.',
        '',
      ].join('\n');
      const yaml = 'version: 1\nentities:\n  bass: {name: Karen Bass, type: person, aliases: [Bass]}\nclaims:\n  - {text: \'We will look at what went wrong, and we will fix it,\', type: direct-quote, source: bass}\n';
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'unannotated-quote'), ['“Every fire crew we had was on the line within the hour. Nobody sat on their hands.']);
      // Copy typed in two places: the next paragraph opens again with a straight mark.
      const mixed = draft.replace('“We will look', '"We will look').replace('fix it,”', 'fix it,"');
      assert.deepEqual(flagged(analyzeCopy(mixed, yaml), 'unannotated-quote'), ['“Every fire crew we had was on the line within the hour. Nobody sat on their hands.']);
    });

    it('finds them in guillemets and in low quotes, and where a straight mark closes a curly one', () => {
      const draft = [
        'Le ministre a déclaré : « Nous ne céderons pas sur les retraites ». Puis il est parti.',
        'Der Minister sagte: „Wir werden die Renten nicht kürzen“, und ging.',
        'Die Kanzlerin sagte: »Wir halten an der Schuldenbremse fest«, und ging.',
        '“We will win this seat back," the candidate told supporters.',
        '',
      ].join('\n');
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'unannotated-quote'), [
        '« Nous ne céderons pas sur les retraites »',
        '„Wir werden die Renten nicht kürzen“',
        '»Wir halten an der Schuldenbremse fest«',
        '“We will win this seat back,"',
      ]);
    });

    it('follows a quotation over the lines of a hard-wrapped paragraph, and a stray mark no further than its paragraph', () => {
      const wrapped = 'The mayor said "we will keep the ferry running through the\nwhole of the winter, whatever it costs" on Monday.\n';
      assert.deepEqual(flagged(analyzeCopy(wrapped, 'version: 1\n'), 'unannotated-quote'), ['"we will keep the ferry running through the\nwhole of the winter, whatever it costs"']);
      const stray = 'The 5" screen costs more than the old one.\nThe mayor said "the ferry will run" on Monday.\n';
      assert.deepEqual(flagged(analyzeCopy(stray.replace('5"', 'new "'), 'version: 1\n'), 'unannotated-quote'), ['"the ferry will run"']);
    });

    it('takes an inch mark inside a quotation, and a plural possessive in single quotes, for part of it', () => {
      const rookie = '"He\'s 6\'10" and he moves like a guard," Lee said of the rookie after practice on Monday.\n\n"He will start on Friday," Lee added.\n';
      const yaml = 'version: 1\nentities:\n  lee: {name: Lee, type: person}\nclaims:\n  - {text: He\'s 6\'10" and he moves like a guard, type: direct-quote, source: lee}\n';
      assert.deepEqual(flagged(analyzeCopy(rookie, yaml), 'unannotated-quote'), ['"He will start on Friday,"']);
      const teachers = '‘The teachers’ patience has run out and ministers have nobody to blame,’ Lopez said.\n';
      assert.deepEqual(flagged(analyzeCopy(teachers, 'version: 1\n'), 'unannotated-quote'), ['‘The teachers’ patience has run out and ministers have nobody to blame,’']);
    });

    it('reads no prose in a file of binary bytes named like a draft', () => {
      const bytes = Array.from({ length: 4000 }, (_, index) => String.fromCharCode((index * 7919) % 256)).join('');
      assert.ok(bytes.includes('\u0000') && (bytes.match(/"/g) ?? []).length > 10);
      const analysis = analyzeCopy(bytes, 'version: 1\n');
      assert.deepEqual(analysis.findings.filter((finding) => finding.file === DRAFT), []);
    });

    it('takes no inch mark for a quotation mark, and no quotation within a quotation for another', () => {
      const draft = 'The Lakers signed 6\'10" forward Marcus Hill on Monday. Hill said "this is a dream come true for my family" after the signing.\n“He told me ‘you will start on Friday’ and I cried,” Hill said.\n';
      const yaml = 'version: 1\nentities:\n  hill: {name: Marcus Hill, type: person, aliases: [Hill]}\nclaims:\n  - {text: this is a dream come true for my family, type: direct-quote, source: hill}\n  - {text: \'He told me ‘you will start on Friday’ and I cried,\', type: direct-quote, source: hill}\n';
      assert.deepEqual(flagged(analyzeCopy(draft, yaml), 'unannotated-quote'), []);
    });
  });

  describe('straight single quotation marks', () => {
    it('finds a quotation typed with them, opened at a line start, after a space, a dash or a bracket', () => {
      const draft = [
        "'We will not back down,' the minister said on Tuesday.",
        "The minister told the Commons: 'We will not back down.' Labour MPs cheered.",
        "She was blunt — 'this bill is dead in the water' — and sat down.",
        "The statement ('we acted within the law at all times') was two lines long.",
        "A spokesman called the ruling 'a victory for common sense'",
        '',
      ].join('\n');
      assert.deepEqual(flagged(analyzeCopy(draft, 'version: 1\n'), 'unannotated-quote'), [
        "'We will not back down,'",
        "'We will not back down.'",
        "'this bill is dead in the water'",
        "'we acted within the law at all times'",
        "'a victory for common sense'",
      ]);
    });

    it('closes one before a comma, a full stop or a space, and follows it over a hard-wrapped line', () => {
      assert.deepEqual(quotations("'Nobody will lose their job', the chief executive said."), ["'Nobody will lose their job'"]);
      assert.deepEqual(quotations("He said they would 'fight on to the end'. Then he left."), ["'fight on to the end'"]);
      assert.deepEqual(quotations("He called it 'a grubby little deal' and walked out."), ["'a grubby little deal'"]);
      const wrapped = "The mayor said 'we will keep the ferry running through the\nwhole of the winter, whatever the cost' on Monday.\n";
      assert.deepEqual(flagged(analyzeCopy(wrapped, 'version: 1\n'), 'unannotated-quote'), ["'we will keep the ferry running through the\nwhole of the winter, whatever the cost'"]);
    });

    it('takes an apostrophe, a possessive, an elision or a prime inside one for part of it', () => {
      for (const draft of [
        "'We don't know,' she said.",
        "'It's too early to say,' she said.",
        "'Ask O'Brien, not me,' the coach said.",
        "'We'll be there at five o'clock,' she said.",
        "'Leave it on the editors' desk,' she said.",
        "'Read Jesus' words again,' the vicar said.",
        "'He grew up on rock 'n' roll,' his sister said.",
        "'It was the '90s and nobody cared,' she said.",
        "'As they say, 'tis the season,' she said.",
        "'He is 6'2 and quick,' the coach said.",
      ]) {
        assert.deepEqual(quotations(draft), [draft.slice(0, draft.lastIndexOf("'") + 1)], draft);
      }
    });

    it('opens none at an apostrophe, a possessive, an elision or a prime before or after one', () => {
      const quote = "'We will not back down,'";
      for (const words of [
        "I don't know,",
        "It's late,",
        "rock 'n' roll,",
        "the '90s,",
        "five o'clock,",
        "O'Brien,",
        "the editors' desk,",
        "Jesus' words,",
        "'tis the season,",
        "he is 6'2 and 6' tall,",
      ]) {
        const before = `${words.charAt(0).toUpperCase()}${words.slice(1)} the minister said. ${quote} she added.`;
        const after = `${quote} the minister said of ${words} and left.`;
        assert.deepEqual(quotations(before), [quote], before);
        assert.deepEqual(quotations(after), [quote], after);
      }
    });

    it('takes a double-quoted quotation within one (British) or one within a double-quoted one (American) for part of it', () => {
      assert.deepEqual(quotations('\'He said "no", and that was that,\' she said.'), ['\'He said "no", and that was that,\'']);
      assert.deepEqual(quotations('"He told me \'you will start on Friday\' and I cried," Hill said.'), ['"He told me \'you will start on Friday\' and I cried,"']);
    });

    it("finds none of a paragraph's where its marks pair in more than one way, and finds those of the next", () => {
      const next = "\n\n'We will be back next year,' the manager said.\n";
      for (const ambiguous of [
        // A dropped letter: goin' could close the quotation, as home,' could.
        "'We're goin' home,' he said.",
        // No closing mark but a possessive's, and the next paragraph opens with a mark: a quotation that goes on there has no closing mark.
        "'We met at the editors' desk and talked for an hour.",
        // So too a quotation that ends in "s" before a word, which could be a possessive.
        "'We will not cut the free bus passes' the council leader said.",
      ]) {
        assert.deepEqual(quotations(ambiguous + next), ["'We will be back next year,'"], ambiguous);
      }
    });

    it('closes one at a plural before a word where no other mark could close it', () => {
      assert.deepEqual(quotations("The council raised 'serious concerns about the delays' over the plan. 'We will fight this all the way,' the leader said."), [
        "'serious concerns about the delays'",
        "'We will fight this all the way,'",
      ]);
      assert.deepEqual(quotations("MPs faced 'a barrage of angry questions' from the committee."), ["'a barrage of angry questions'"]);
      assert.deepEqual(quotations("'We will not cut the free bus passes' the council leader said."), ["'We will not cut the free bus passes'"]);
      // One closes it, and the plural in it is a possessive: the two readings are left alone.
      assert.deepEqual(quotations("'We will not cut the pensioners' bus passes' the council leader said."), []);
      assert.deepEqual(quotations("'Leave it on the editors' desk,' she said."), ["'Leave it on the editors' desk,'"]);
    });

    it('opens one at two digits, a space and a word, and none at an elided year', () => {
      assert.deepEqual(quotations("'24 hours is all we need,' he said. 'We will be back,' she added."), ["'24 hours is all we need,'", "'We will be back,'"]);
      assert.deepEqual(quotations("He said '10 days is too long' and left."), ["'10 days is too long'"]);
      const quote = "'We will not back down,'";
      for (const year of ["the '90s,", "the '90s music,", "the class of '95.", "the class of '95,", "the class of '95 —", "the '24-hour news"]) {
        const text = `${quote} she said of ${year} and left.`;
        assert.deepEqual(quotations(text), [quote], text);
        assert.deepEqual(quotations(`'It was ${year} and nobody cared,' she said.`), [`'It was ${year} and nobody cared,'`], year);
      }
    });

    it('finds the clear quotations of a paragraph where another pairs in more than one way, or none', () => {
      assert.deepEqual(quotations("'We're goin' home,' he said. 'We will be back,' she added."), ["'We will be back,'"]);
      assert.deepEqual(quotations("'We will be back,' she said. 'We're goin' home,' he said."), ["'We will be back,'"]);
      assert.deepEqual(quotations("'We will be back,' she said. 'We met at the editors' desk and the teachers' union for an hour."), ["'We will be back,'"]);
      // A closing mark with no quotation open is no quotation mark.
      assert.deepEqual(quotations("The U.S.' role was 'not what we hoped for', she said."), ["'not what we hoped for'"]);
    });

    it('pairs no mark after an opening mark with no closing mark up to the next closing mark: that could close either', () => {
      // 'bout is an elision: the first mark opens the quotation. The next closing mark closes the next quotation.
      assert.deepEqual(quotations("'It's 'bout time we won,' he said. 'We will be back,' she added."), ["'We will be back,'"]);
      assert.deepEqual(quotations("'We will be back,' she said. 'It's 'bout time we won,' he said."), ["'We will be back,'"]);
      // '95 before a word opens as '24 hours does: the quotation around it is missed, not '95 that won.
      assert.deepEqual(quotations("'It was the class of '95 that won,' she said. 'We will be back,' she added."), ["'We will be back,'"]);
    });
  });
});
