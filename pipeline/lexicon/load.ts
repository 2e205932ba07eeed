// The one loader of word knowledge: every word list is a JSON file under pipeline/lexicon/, read once
// per process by name ("reporting-verbs", "check/fragment"). The path works from pipeline/ and dist/pipeline/.
import fs from 'node:fs';

const loaded = new Map<string, unknown>();

/** Reads pipeline/lexicon/<name>.json once. */
export function loadLexicon<T>(name: string): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  const url = new URL(`./${name}.json`, import.meta.url);
  let data: T;
  try {
    data = JSON.parse(fs.readFileSync(url, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot load the word list ${url.pathname}: ${(err as Error).message}`);
  }
  loaded.set(name, data);
  return data;
}
