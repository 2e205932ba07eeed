// Rule messages by id (ESLint's meta.messages + context.report({messageId, data})): a rule's meta lists
// its message templates, `{{name}}` placeholders filled from the report's data. The pipeline renders the
// text once, here; tests assert the id and the data rather than matching the prose.
import type { MessageData, RuleMeta } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/** The names a template uses: "{{word}} is {{n}}" -> ['word', 'n']. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * The text of message `messageId` of a rule, with its data filled in. Throws (a bug in the rule, caught by
 * its tests) for an id the rule does not declare or a placeholder the data does not give.
 */
export function renderMessage(meta: Pick<RuleMeta, 'id' | 'messages'>, messageId: string, data: MessageData = {}): string {
  const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${meta.id} reported the message id "${messageId}", which its meta.messages does not declare (${Object.keys(meta.messages).join(', ')})`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`rule ${meta.id}: message "${messageId}" needs data.${name}`);
    return String(data[name]);
  });
}
