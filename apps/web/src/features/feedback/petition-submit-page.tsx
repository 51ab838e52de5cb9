import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PublicCenter } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { feedbackApi, petitionPageUrl, vnTime } from './feedback-api.ts';
import './feedback.css';

type Sent = { code: string; secret: string; dueAt: string };

/** Public: a complaint or suggestion (PAKN) about a dossier (?ma=<code>) or a center; anonymous allowed with a contact. */
export function PetitionSubmitPage() {
  const { t } = useTranslation('feedback');
  const { t: shared } = useTranslation();
  useDocumentTitle(t('pakn.submitTitle'));
  const [params] = useSearchParams();
  const [centers, setCenters] = useState<PublicCenter[]>([]);
  const [form, setForm] = useState({ kind: 'complaint' as 'complaint' | 'suggestion', centerId: '', dossierCode: params.get('ma') ?? '', title: '', content: '', name: '', anonymous: false, publish: false, phone: '', email: '' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<Sent | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    feedbackApi.centers(controller.signal).then((list) => {
      setCenters(list);
      // A dossier code names its receiving center: H46.01-261123-0001 → H46.01.
      const agency = (params.get('ma') ?? '').split('-')[0];
      const match = list.find((c) => c.agencyCode === agency);
      if (match) setForm((f) => ({ ...f, centerId: f.centerId || match.id }));
    }, () => {});
    return () => controller.abort();
  }, [params]);

  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const r = await feedbackApi.submit({
        kind: form.kind,
        centerId: form.centerId,
        title: form.title,
        content: form.content,
        anonymous: form.anonymous,
        publish: form.publish,
        ...(form.dossierCode.trim() ? { dossierCode: form.dossierCode.trim() } : {}),
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
      });
      setSent(r);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <>
        <h1>{t('pakn.submitTitle')}</h1>
        <div className="done" role="status">
          <h2 data-testid="petition-code">{t('pakn.sent', { code: sent.code })}</h2>
          <p>{t('pakn.sentDue', { due: vnTime(sent.dueAt) })}</p>
          <p>
            <strong>{t('pakn.secret', { secret: sent.secret })}</strong>
            <br />
            {t('pakn.secretHint')}
          </p>
        </div>
        <p>
          <Link to={petitionPageUrl(sent.code, sent.secret)}>{t('pakn.open')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('pakn.submitTitle')}</h1>
      <p className="lead">{t('pakn.submitLead')}</p>
      <form className="form" onSubmit={(e) => void send(e)}>
        <fieldset className="levels">
          <legend>{t('pakn.kind')}</legend>
          {(['complaint', 'suggestion'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" checked={form.kind === k} onChange={() => set('kind', k)} /> {t(`pakn.kind_${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="p-center">{t('pakn.center')}</label>
          <select id="p-center" value={form.centerId} onChange={(e) => set('centerId', e.target.value)} required>
            <option value="">{t('pakn.chooseCenter')}</option>
            {centers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="p-dossier">{t('pakn.dossierCode')}</label>
          <input id="p-dossier" value={form.dossierCode} onChange={(e) => set('dossierCode', e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="p-title">{t('pakn.subject')}</label>
          <input id="p-title" value={form.title} onChange={(e) => set('title', e.target.value)} required minLength={5} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="p-content">{t('pakn.content')}</label>
          <textarea id="p-content" value={form.content} onChange={(e) => set('content', e.target.value)} required minLength={10} maxLength={5000} rows={6} />
        </div>
        <div className="field">
          <label htmlFor="p-name">{t('pakn.name')}</label>
          <input id="p-name" value={form.name} onChange={(e) => set('name', e.target.value)} required={!form.anonymous} autoComplete="name" />
        </div>
        <div className="field inline-check">
          <label>
            <input type="checkbox" checked={form.anonymous} onChange={(e) => set('anonymous', e.target.checked)} /> {t('pakn.anonymous')}
          </label>
        </div>
        <div className="field inline-check">
          <label>
            <input type="checkbox" checked={form.publish} onChange={(e) => set('publish', e.target.checked)} aria-describedby="p-publish-hint" /> {t('pakn.publish')}
          </label>
          <p id="p-publish-hint" className="hint">
            {t('pakn.publishHint')}
          </p>
        </div>
        <p id="p-contact-hint">{t('pakn.contactHint')}</p>
        <div className="field">
          <label htmlFor="p-phone">{t('pakn.phone')}</label>
          <input id="p-phone" type="tel" value={form.phone} onChange={(e) => set('phone', e.target.value)} autoComplete="tel" aria-describedby="p-contact-hint" pattern="0[0-9]{9,10}" />
        </div>
        <div className="field">
          <label htmlFor="p-email">{t('pakn.email')}</label>
          <input id="p-email" type="email" value={form.email} onChange={(e) => set('email', e.target.value)} autoComplete="email" aria-describedby="p-contact-hint" />
        </div>
        {failure !== null && (
          <p role="alert" className="alert">
            {errorMessage(failure, shared)}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('pakn.send')}
        </button>
      </form>
    </>
  );
}
