import translationVi from './vi.json';
import translationEn from './en.json';
import translationId from './id.json';
import reportsVi from '../features/reports/i18n/vi.json';
import reportsEn from '../features/reports/i18n/en.json';
import reportsId from '../features/reports/i18n/id.json';
import portalVi from '../features/portal/i18n/vi.json';
import portalEn from '../features/portal/i18n/en.json';
import portalId from '../features/portal/i18n/id.json';
import assistantVi from '../features/assistant/i18n/vi.json';
import assistantEn from '../features/assistant/i18n/en.json';
import assistantId from '../features/assistant/i18n/id.json';

import paymentsVi from '../features/payments/i18n/vi.json';
import paymentsEn from '../features/payments/i18n/en.json';
import paymentsId from '../features/payments/i18n/id.json';
import feedbackVi from '../features/feedback/i18n/vi.json';
import feedbackEn from '../features/feedback/i18n/en.json';
import feedbackId from '../features/feedback/i18n/id.json';
import queue2Vi from '../features/queue/i18n/vi.json';
import queue2En from '../features/queue/i18n/en.json';
import queue2Id from '../features/queue/i18n/id.json';
import syncVi from '../features/sync/i18n/vi.json';
import syncEn from '../features/sync/i18n/en.json';
import syncId from '../features/sync/i18n/id.json';
import outreachVi from '../features/outreach/i18n/vi.json';
import outreachEn from '../features/outreach/i18n/en.json';
import outreachId from '../features/outreach/i18n/id.json';
/**
 * Every translation namespace, each with the three languages. The shared `translation` namespace
 * holds the common screens; a feature with many strings owns its own namespace (a folder of three
 * JSON files beside its pages) so it can grow without touching the shared file, and each
 * namespace is typed on its own (one huge key union slows the type checker to a halt).
 * Add a feature namespace here with one line: `name: { vi, en, id }`.
 */
export const namespaces = {
  translation: { vi: translationVi, en: translationEn, id: translationId },
  reports: { vi: reportsVi, en: reportsEn, id: reportsId },
  portal: { vi: portalVi, en: portalEn, id: portalId },
  assistant: { vi: assistantVi, en: assistantEn, id: assistantId },
  payments: { vi: paymentsVi, en: paymentsEn, id: paymentsId },
  feedback: { vi: feedbackVi, en: feedbackEn, id: feedbackId },
  queue2: { vi: queue2Vi, en: queue2En, id: queue2Id },
  sync: { vi: syncVi, en: syncEn, id: syncId },
  outreach: { vi: outreachVi, en: outreachEn, id: outreachId },
} as const;

export type Namespace = keyof typeof namespaces;
