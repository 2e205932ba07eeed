// The language an article is checked in: its front matter's `language`, else the configured one, else
// (config `language` "auto", the default) the dialect its own spelling shows (parse/dialect.ts), else
// both (en) when the spelling shows neither.
import type { Article, EffectiveConfig } from './types.js';

export type Language = 'en-US' | 'en-GB' | 'en';

export interface ArticleLanguage {
  language: Language;
  /** Where it came from: the article's front matter, the configuration, detection, or no evidence either way. */
  source: 'front matter' | 'configured' | 'detected' | 'undetermined';
  /** For a detected language: how sure (0..1). */
  confidence?: number;
}

export function articleLanguage(article: Readonly<Article>, config: EffectiveConfig): ArticleLanguage {
  const fm = article.meta.language;
  if (fm === 'en-US' || fm === 'en-GB' || fm === 'en') return { language: fm, source: 'front matter' };
  if (config.language !== 'auto') return { language: config.language, source: 'configured' };
  const d = article.dialect;
  if (d.dialect) return { language: d.dialect, source: 'detected', confidence: d.confidence };
  return { language: 'en', source: 'undetermined' };
}

/** "en-GB (detected)", "en-US", "en (undetermined)": how the report shows it. */
export function describeLanguage(l: ArticleLanguage): string {
  return l.source === 'detected' || l.source === 'undetermined' ? `${l.language} (${l.source})` : l.language;
}
