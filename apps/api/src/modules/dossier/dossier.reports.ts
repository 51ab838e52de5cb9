import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';

export type ExtraPaperRow = {
  dossierId: string;
  code: string;
  procedureName: string;
  at: Date;
  actorId: string | null;
  documents: { name: string; legalReason: string }[];
};

/**
 * The "no extra paper" report: every supplement request of a center that asked for a document
 * outside the procedure's official list, with the written legal reason given for it.
 */
export async function extraPaperRequests(deps: Pick<AppContext, 'db'>, centerId: string, limit = 200): Promise<ExtraPaperRow[]> {
  const rows = rowsOf<{ dossier_id: string; code: string; procedure_name: string; at: Date | string; actor_id: string | null; extra: { name: string; legalReason: string }[] }>(
    await deps.db.execute(sql`
      select e.dossier_id, d.code, d.procedure_name, e.at, e.actor_id, e.data->'extraPaper' as extra
      from dossier_events e join dossiers d on d.id = e.dossier_id
      where (d.center_id = ${centerId} or d.competent_center_id = ${centerId})
        and e.action = 'request_supplement'
        and jsonb_typeof(e.data->'extraPaper') = 'array' and jsonb_array_length(e.data->'extraPaper') > 0
      order by e.at desc
      limit ${limit}`),
  );
  return rows.map((r) => ({ dossierId: r.dossier_id, code: r.code, procedureName: r.procedure_name, at: new Date(r.at), actorId: r.actor_id, documents: r.extra }));
}
