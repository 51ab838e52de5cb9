import type { Composed } from './answer.ts';

/** An OpenAI-compatible chat endpoint (MOTCUA_LLM_URL, e.g. http://127.0.0.1:11434/v1). */
export type LlmSettings = { url: string; model: string; key: string | undefined; timeoutMs: number };

export type Rephrased = { status: 'accepted'; text: string; cited: string[] } | { status: 'rejected' | 'failed'; reason: string };

const SYSTEM = [
  'You rephrase answers of a Vietnamese public service center assistant for citizens.',
  'Use ONLY the passages given. Do not add any fact, number, fee, document or time limit that is not in them.',
  'After each sentence, cite the passage it comes from as [passage id], using the ids exactly as given.',
  'Answer in the language given as "language". Reply with JSON: {"answer": string, "citations": [passage ids]}.',
].join(' ');

/** Every id the model cites (in the list and as [id] in the text) must be a retrieved passage; at least one. */
export function checkCitations(answer: string, cited: unknown, retrieved: Set<string>): { ok: true; ids: string[] } | { ok: false; reason: string } {
  if (!Array.isArray(cited) || cited.some((c) => typeof c !== 'string')) return { ok: false, reason: 'citations missing' };
  const inline = [...answer.matchAll(/\[([^\]\s]+#[a-z]+)\]/g)].map((m) => m[1]!);
  const ids = [...new Set([...(cited as string[]), ...inline])];
  if (ids.length === 0) return { ok: false, reason: 'no citation' };
  const unknown = ids.filter((id) => !retrieved.has(id));
  if (unknown.length > 0) return { ok: false, reason: `cites passages not retrieved: ${unknown.join(', ')}` };
  return { ok: true, ids };
}

/**
 * Asks the model to rephrase the template answer from the retrieved passages alone. Any failure
 * (network, timeout, bad JSON, a citation outside the passages) gives back a reason instead, and
 * the caller shows the template answer.
 */
export async function rephrase(settings: LlmSettings, question: string, composed: Composed, fetchImpl: typeof fetch = fetch): Promise<Rephrased> {
  const passages = composed.passages.map((p) => ({ id: p.id, procedure: `${p.procedureName} (${p.code}, v${p.version})`, heading: p.heading, text: p.lines.join('\n') }));
  const body = {
    model: settings.model,
    temperature: 0,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: JSON.stringify({ language: composed.language, question, draft: composed.text, passages }) },
    ],
  };
  try {
    const res = await fetchImpl(`${settings.url.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!res.ok) return { status: 'failed', reason: `HTTP ${res.status}` };
    const data = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    const content = data.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return { status: 'failed', reason: 'no message content' };
    const parsed = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')) as { answer?: unknown; citations?: unknown };
    if (typeof parsed.answer !== 'string' || parsed.answer.trim() === '') return { status: 'failed', reason: 'no answer text' };
    const check = checkCitations(parsed.answer, parsed.citations, new Set(composed.passages.map((p) => p.id)));
    if (!check.ok) return { status: 'rejected', reason: check.reason };
    return { status: 'accepted', text: parsed.answer.trim().slice(0, 4000), cited: check.ids };
  } catch (err) {
    return { status: 'failed', reason: err instanceof Error ? err.message : String(err) };
  }
}
