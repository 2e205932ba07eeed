// In-memory shapes shared by the stages. Everything that is written to disk or crosses a process
// boundary (claims, items, reports, config, decisions, facts) is typed from schemas/ via
// schema-types.ts; the shapes here are the parsed article and the rule contract, which never leave
// the worker.
import type { Category, Claim, Config, Evidence, Item, Severity } from './schema-types.js';

export type { Category, Claim, Config, Evidence, Item, Severity };
export type { Attribution, Quantity, DateValue, Relation, FigureRef, FigureContext, ChangeRelation, ShareRelation, PartRelation, RangeRelation, FileResult, Report, Decisions, Decision, Facts, Fact, SentenceRef } from './schema-types.js';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'blockquote' | 'tableCell';

/** A block of prose: a heading, a paragraph, a list item's paragraph, a table cell. */
export interface Block {
  kind: BlockKind;
  /** Offsets into the original text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** Heading depth (1-6) for headings. */
  depth?: number;
  /** True inside a blockquote (Markdown `>`). */
  quoted?: boolean;
  /** Index of the first sentence of this block in Article.sentences, and one past the last. */
  firstSentence: number;
  lastSentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** The sentence's text taken from Article.prose (non-prose masked by spaces), trimmed to start/end. */
  text: string;
  block: number;
  /** Indexes into Article.tokens: first, and one past the last. */
  firstToken: number;
  lastToken: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  sentence: number;
  /** True when the token lies inside a direct quotation (between paired quotation marks). */
  quoted: boolean;
}

/** A pair of quotation marks found in one block; `end` is undefined when the quotation is never closed. */
export interface Quotation {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark; for an unclosed quotation, the end of the block. */
  end: number;
  closed: boolean;
  mark: string;
  block: number;
  /** Nesting depth: 0 for “ ”, 1 for ‘ ’ inside it. */
  depth: number;
  /**
   * Unclosed, but the same mark opens again at the start of a later sentence of the block (news style
   * for a quotation running over paragraphs, when the paragraph break was lost): `end` is that mark.
   */
  continued?: boolean;
  /** Unclosed, and the next block opens with a quotation mark (news style: the quotation runs on). */
  reopensInNextBlock?: boolean;
}

export interface ArticleMeta {
  title?: string;
  /** ISO date (YYYY-MM-DD) from front matter; the reference for relative dates. */
  date?: string;
  /** Words the speller accepts for this article (front matter `words` or `copydesk.words`). */
  words: string[];
  /** Rules disabled for the whole article by front matter `copydesk.disable`. */
  disable: string[];
  /** Normalised (en-US, en-GB, en); an unknown value is reported and left out. */
  language?: string;
  /** Where the front matter is (items about its contents point here). */
  frontMatterSpan?: { start: number; end: number };
}

/** A region where inline comments disable rules (Markdown `<!-- copydesk-disable ... -->`). */
export interface DisabledRange {
  start: number;
  end: number;
  /** Rule ids (or categories); empty means every rule. */
  rules: string[];
  /** With `rules` empty: rules enabled again inside the region (`copydesk-enable rule` after `copydesk-disable`). */
  except?: string[];
  /** Index into Article.directives of the directive that made the region. */
  directive?: number;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** An inline control directive as written (parse/directives.ts); the queue stage checks its rule names. */
export interface Directive {
  kind: DirectiveKind | 'unknown';
  /** For an unknown directive, the word after `copydesk-` ("disable-nextline"). */
  word?: string;
  /** Offsets of `copydesk-<kind>` (for an unknown directive, of the word). */
  start: number;
  end: number;
  rules: { name: string; start: number; end: number }[];
  /** The comment or line holding it (line-based directives measure from it). */
  span: { start: number; end: number };
}

export interface Article {
  path: string;
  /** The path ids are built from (relative to the repository root); claim ids include it, so a claim review belongs to one article. */
  key?: string;
  /** The original text, exactly as read (after BOM removal, which shifts nothing the user sees). */
  text: string;
  /**
   * Same length as text; everything that is not prose (markup, code, HTML, URLs, front matter) is
   * replaced by spaces, newlines kept. Rules read this so no rule sees a URL or a code span.
   */
  prose: string;
  format: 'markdown' | 'text';
  meta: ArticleMeta;
  blocks: Block[];
  sentences: Sentence[];
  tokens: Token[];
  quotations: Quotation[];
  disabled: DisabledRange[];
  /** Spelling evidence for en-GB or en-US (parse/dialect.ts); core/language.ts decides with the config. */
  dialect: import('../parse/dialect.js').DialectEvidence;
  /** The inline control directives, in order (Markdown comments, plain-text directive lines). */
  directives: Directive[];
  /** Problems found while reading or parsing (malformed front matter...), reported as input/* items. */
  problems: Problem[];
  words: number;
  /** offset -> {line, column}: the one place positions are computed. */
  lineStarts: number[];
}

/** Values for a message's `{{placeholders}}`. */
export type MessageData = Record<string, string | number>;

/** A problem a stage reports; the queue stage turns it into an Item (position, id, status). */
export interface Problem {
  rule: string;
  start: number;
  end: number;
  /** Which of the reporting rule's meta.messages this is; `message` is its text with `data` filled in. */
  messageId: string;
  data?: MessageData;
  message: string;
  suggestions?: string[];
  claimId?: string;
  actual?: string;
  expected?: string;
  evidence?: Evidence[];
  /** Overrides the rule's configured severity (for example a contradicted fact is always an error). */
  severity?: Severity;
}

/** What a rule passes to ctx.report(): a problem by message id; the runner renders the message. */
export type ReportDescriptor = Omit<Problem, 'rule' | 'message'> & { rule?: string };

/** A rule's options as a JSON Schema: always a closed object (a misspelt option is an error). */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  additionalProperties: false;
  required?: string[];
}

/**
 * Examples that document a rule and run as the first rows of its tests. `invalid` texts are flagged
 * exactly once, at `excerpt`; `output` is the text after applying the first suggestion (required when
 * the rule suggests a fix).
 */
export interface RuleExamples {
  valid: string[];
  invalid: { text: string; excerpt: string; output?: string }[];
  /** Configuration the examples run with (plain data over the defaults), for rules that act only when configured. */
  config?: Partial<EffectiveConfig>;
  /** What that configuration is, in words, for the documentation ("`alright -> all right` in a reject.txt"). */
  configNote?: string;
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** Longer documentation (Markdown); the examples live in `examples`. */
  docs: string;
  /** Which stage runs it. */
  stage: 'input' | 'validate' | 'verify' | 'check';
  /** The options `rules: {id: [level, options]}` may give, as a JSON Schema (core/rule-options.ts NO_OPTIONS when none). */
  options: OptionsSchema;
  /** Message templates by id, with `{{name}}` placeholders (core/messages.ts). */
  messages: Record<string, string>;
  /** Documentation examples that are also tests (every check rule has them). */
  examples?: RuleExamples;
  /**
   * Rules whose item on the same words makes this rule's item redundant (it is then dropped), e.g. the
   * phrase rule sourcing/vague-attribution yields to the claim-based policy sourcing/anonymous-source.
   */
  yieldsTo?: string[];
}

/** The configuration as a worker sees it: plain data, already loaded and validated. */
export interface EffectiveConfig {
  /** 'auto' (the default): each article's dialect is detected from its spelling (core/language.ts). */
  language: 'en-US' | 'en-GB' | 'en' | 'auto';
  words: string[];
  /** Rule id -> severity or 'off', and options. */
  rules: Record<string, { level: Severity | 'off'; options: Record<string, unknown> }>;
  /** Policy schemas, loaded (path -> schema object). */
  policies: { path: string; schema: Record<string, unknown> }[];
  /** Reference facts, loaded. */
  facts: { path: string; facts: import('./schema-types.js').Fact[] }[];
  /** Vocabularies (config `vocab`, run/vocab.ts): words always accepted, and always rejected. */
  vocab?: Vocab;
  /** Where rule documentation lives: {rule} and {anchor} are filled in (queue/docs-url.ts). */
  docsUrl?: string;
  /** --report-unused-disable-directives: the severity of an input/unused-directive item, or off. */
  reportUnusedDisableDirectives?: Severity | 'off';
  /** What one article may cost (core/limits.ts, docs/limits.md). */
  limits: import('./limits.js').Limits;
}

export interface RuleContext {
  article: Readonly<Article>;
  /** The article's claims: read them, never assign to them (say what you found with judge()). */
  claims: readonly Claim[];
  config: EffectiveConfig;
  options: Record<string, unknown>;
  /** Reports a problem by message id (meta.messages); `rule` reports under another id (policy rules). */
  report(problem: ReportDescriptor): void;
  /** A verdict and/or evidence for one claim; core/verdict.ts applies them after the stages. */
  judge(judgement: import('./verdict.js').Judgement): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** One line of a vocabulary's accept.txt or reject.txt (run/vocab.ts). */
export interface VocabEntry {
  /** A word (matched case-insensitively) or, with `regex`, a pattern for a whole word. */
  pattern: string;
  regex?: boolean;
  /** reject.txt `wrong -> right`: the preferred form. */
  replacement?: string;
  /** "path/to/reject.txt:3", for messages. */
  source: string;
}

export interface Vocab {
  accept: VocabEntry[];
  reject: VocabEntry[];
}
