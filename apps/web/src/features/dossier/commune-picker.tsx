import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune, Province } from '@motcua/contracts';
import { dossierApi } from './dossier-api.ts';
import { FieldErrorText } from './field.tsx';
import type { FieldError } from './field-errors.ts';

// Administrative units change by decree, not during a shift: fetch each list once per page load.
const provinceList: { promise?: Promise<Province[]> } = {};
const communeLists = new Map<string, Promise<Commune[]>>();

export function loadProvinces(): Promise<Province[]> {
  provinceList.promise ??= dossierApi.provinces().catch((error: unknown) => {
    provinceList.promise = undefined;
    throw error;
  });
  return provinceList.promise;
}

export function loadCommunes(provinceCode: string): Promise<Commune[]> {
  let list = communeLists.get(provinceCode);
  if (!list) {
    list = dossierApi.communes(provinceCode).catch((error: unknown) => {
      communeLists.delete(provinceCode);
      throw error;
    });
    communeLists.set(provinceCode, list);
  }
  return list;
}

/** Forget cached lists (tests render many apps in one page load). */
export function clearUnitCache(): void {
  provinceList.promise = undefined;
  communeLists.clear();
}

type Props = {
  idPrefix: string;
  provinceCode: string;
  communeCode: string;
  onChange: (value: { provinceCode: string; communeCode: string }) => void;
  error: FieldError | undefined;
};

/** Province, then commune: two native selects, which every old browser and screen reader handles. */
export function CommunePicker({ idPrefix, provinceCode, communeCode, onChange, error }: Props) {
  const { t } = useTranslation();
  const [provinces, setProvinces] = useState<Province[] | null>(null);
  const [communes, setCommunes] = useState<{ province: string; items: Commune[] } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadProvinces().then(
      (list) => live && setProvinces(list),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!provinceCode) return;
    let live = true;
    loadCommunes(provinceCode).then(
      (items) => live && setCommunes({ province: provinceCode, items }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [provinceCode]);

  const items = communes?.province === provinceCode ? communes.items : null;
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${idPrefix}-province`}>{t('dossier.applicant.province')}</label>
        <select
          id={`${idPrefix}-province`}
          value={provinceCode}
          onChange={(event) => onChange({ provinceCode: event.target.value, communeCode: '' })}
        >
          {!provinces && <option value={provinceCode}>{t('app.loading')}</option>}
          {provinces?.map((p) => (
            <option key={p.code} value={p.code}>
              {p.fullName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-commune`}>{t('dossier.applicant.commune')}</label>
        <select
          id={`${idPrefix}-commune`}
          value={communeCode}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${idPrefix}-commune-error` : undefined}
          onChange={(event) => onChange({ provinceCode, communeCode: event.target.value })}
        >
          <option value="">{items ? t('dossier.applicant.chooseCommune') : t('app.loading')}</option>
          {items?.map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
        </select>
        <FieldErrorText id={`${idPrefix}-commune-error`} error={error} />
        {failed && <p className="field-error">{t('dossier.applicant.unitsFailed')}</p>}
      </div>
    </div>
  );
}
