import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { PublicResult, VerifyResponse } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ResultDetails } from './result-details.tsx';
import { resultsApi, verifyPageUrl } from './results-api.ts';
import './results.css';

const CODE = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4}-KQ\d{1,3}$/;

/**
 * Public: check an e-result. Scanning the QR code on a result opens /xac-thuc/<code>, which shows
 * who issued and signed it; uploading the PDF says whether it is exactly the file that was signed.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('results.title'));
  const { code } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  const [lookup, setLookup] = useState<{ result: PublicResult | null; failure: unknown } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<VerifyResponse | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    setTyped(code ?? '');
    setLookup(null);
    if (!code) return;
    const controller = new AbortController();
    resultsApi
      .lookup(code, controller.signal)
      .then((result) => setLookup({ result, failure: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLookup({ result: null, failure: error });
      });
    return () => controller.abort();
  }, [code]);

  function find(event: FormEvent) {
    event.preventDefault();
    navigate(verifyPageUrl(typed.trim()));
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setVerdict(null);
    try {
      setVerdict(await resultsApi.verify(file));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const notFound = lookup?.failure instanceof ApiError && lookup.failure.status === 404;
  return (
    <>
      <h1>{t('results.heading')}</h1>
      <p className="lead">{t('results.lead')}</p>

      <section aria-labelledby="verify-by-code">
        <h2 id="verify-by-code">{t('results.byCode')}</h2>
        <form className="form verify-code" onSubmit={find}>
          <div className="field">
            <label htmlFor="verify-code-input">{t('results.codeLabel')}</label>
            <input id="verify-code-input" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="H46.01-261123-0001-KQ1" aria-describedby="verify-code-hint" spellCheck={false} />
            <small id="verify-code-hint">{t('results.codeHint')}</small>
          </div>
          <button type="submit" className="button" disabled={!CODE.test(typed.trim())}>
            {t('results.find')}
          </button>
        </form>
        {code && !lookup && <p aria-live="polite">{t('results.loading')}</p>}
        {lookup?.result && (
          <div className="verify-found" aria-live="polite">
            <p className="verify-issued">{t('results.issued')}</p>
            <ResultDetails result={lookup.result} />
          </div>
        )}
        {lookup?.failure !== null && lookup?.failure !== undefined && (
          <p role="alert" className="alert">
            {notFound ? t('results.notFound', { code }) : errorMessage(lookup.failure, t)}
          </p>
        )}
      </section>

      <section aria-labelledby="verify-by-file">
        <h2 id="verify-by-file">{t('results.byFile')}</h2>
        <form className="form verify-file" onSubmit={check}>
          <div className="field">
            <label htmlFor="verify-file-input">{t('results.fileLabel')}</label>
            <input id="verify-file-input" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="verify-file-hint" />
            <small id="verify-file-hint">{t('results.fileHint')}</small>
          </div>
          <button type="submit" className="button" disabled={!file || busy}>
            {busy ? t('results.checking') : t('results.check')}
          </button>
        </form>
        {failure !== null && (
          <p role="alert" className="alert">
            {errorMessage(failure, t)}
          </p>
        )}
        {verdict && <VerdictPanel verdict={verdict} expectedCode={code ?? null} />}
      </section>
    </>
  );
}

function VerdictPanel({ verdict, expectedCode }: { verdict: VerifyResponse; expectedCode: string | null }) {
  const { t } = useTranslation();
  const { sha256, ...flags } = verdict.checks;
  const checks = Object.entries(flags) as [keyof typeof flags, boolean][];
  return (
    <div className={`verdict verdict-${verdict.verdict}`} role="status">
      <h3>{t(`results.verdicts.${verdict.verdict}`)}</h3>
      <p>{t(`results.reasons.${verdict.reason}`, { defaultValue: verdict.reason })}</p>
      {expectedCode && verdict.result && verdict.result.code !== expectedCode && <p>{t('results.otherCode', { code: verdict.result.code })}</p>}
      <ul className="verdict-checks">
        {checks.map(([key, ok]) => (
          <li key={key}>
            <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {t(`results.checks.${key}`)}: {ok ? t('results.yes') : t('results.no')}
          </li>
        ))}
        <li className="mono">SHA-256: {sha256}</li>
      </ul>
      {verdict.result && <ResultDetails result={verdict.result} />}
    </div>
  );
}
