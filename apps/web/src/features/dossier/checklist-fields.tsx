import { useTranslation } from 'react-i18next';
import type { DocumentItem } from '@motcua/contracts';
import { FieldErrorText } from './field.tsx';
import { errorAt, type FieldError } from './field-errors.ts';

type Props = {
  documents: readonly DocumentItem[];
  provided: ReadonlySet<string>;
  onToggle: (id: string, provided: boolean) => void;
  errors: readonly FieldError[];
};

/** Documents grouped under the case headings the catalog lists them under ("Trường hợp ủy quyền…"). */
function groups(documents: readonly DocumentItem[]): { heading: string | null; items: DocumentItem[] }[] {
  const out: { heading: string | null; items: DocumentItem[] }[] = [];
  for (const doc of documents) {
    const last = out[out.length - 1];
    if (last && last.heading === doc.group) last.items.push(doc);
    else out.push({ heading: doc.group, items: [doc] });
  }
  return out;
}

/** The procedure version's official list, one checkbox per item, mandatory ones marked. */
export function ChecklistFields({ documents, provided, onToggle, errors }: Props) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p>{t('dossier.checklist.empty')}</p>;
  return (
    <fieldset className="fieldset checklist">
      <legend className="visually-hidden">{t('dossier.intake.checklistHeading')}</legend>
      {groups(documents).map((group, index) => (
        <div key={`${group.heading ?? ''}-${index}`}>
          {group.heading && <h3 className="checklist-group">{group.heading}</h3>}
          <ul className="checklist-items">
            {group.items.map((doc) => {
              const error = errorAt(errors, `checklist.${doc.id}`);
              const metaId = `doc-${doc.id}-meta`;
              return (
                <li key={doc.id} className={error ? 'checklist-item has-error' : 'checklist-item'}>
                  <input
                    id={`doc-${doc.id}`}
                    type="checkbox"
                    checked={provided.has(doc.id)}
                    onChange={(event) => onToggle(doc.id, event.target.checked)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${metaId} doc-${doc.id}-error` : metaId}
                  />
                  <div>
                    <label htmlFor={`doc-${doc.id}`}>{doc.name.normalize('NFC')}</label>
                    <p id={metaId} className="checklist-meta">
                      <span className={doc.requirement === 'mandatory' ? 'tag tag-mandatory' : 'tag'}>{t(`dossier.checklist.${doc.requirement}`)}</span>
                      {doc.kind === 'present' ? (
                        <span className="tag tag-present">{t('dossier.checklist.present')}</span>
                      ) : (
                        <span>{t('dossier.checklist.copies', { originals: doc.originals, copies: doc.copies })}</span>
                      )}
                    </p>
                    <FieldErrorText id={`doc-${doc.id}-error`} error={error} />
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
