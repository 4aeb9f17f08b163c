import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type InstrumentContent,
  type InstrumentKind,
  formatInstrumentNo,
  redactPersonal,
} from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { type PortalItem, PortalSections } from '../portal/portal-sections.js';
import { zoneDate } from '../zone/zone-time.js';
import type { StoredViolation } from './enforcement.entities.js';

interface DisclosedRow {
  id: string;
  title: string;
  violations: StoredViolation[];
  opened_at: Date;
  closed_at: Date;
  disclosed_at: Date;
  updated_at: Date;
  enterprise_name: string;
  credit_code: string;
  /** Names the case's records know, to take out of its free text. */
  names: (string | null)[];
  instruments: { kind: InstrumentKind; year: number; seq: number; issued_at: string; content: unknown }[];
}

/**
 * 执法公示: the zone's closed and disclosed cases on the public pages. What is public is the
 * enterprise, the violations with their basis, the decision, the fine and the dates; no person's
 * name, phone or ID number (the free text is cleaned of every name the case's records know).
 */
@Injectable()
export class EnforcementDisclosure implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly sections: PortalSections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sections.register({
      key: 'enforcement',
      title: { zh: '执法公示', en: 'Enforcement disclosures' },
      list: (limit) => this.items(null, limit),
      get: async (id) => (/^[0-9a-f-]{36}$/i.test(id) ? ((await this.items(id, 1))[0] ?? null) : null),
    });
  }

  private async items(id: string | null, limit: number): Promise<PortalItem[]> {
    const rows: DisclosedRow[] = await this.db.manager.query(
      `SELECT c.id, c.title, c.violations, c.opened_at, c.closed_at, c.disclosed_at, c.updated_at,
              e.name AS enterprise_name, e.credit_code,
              ARRAY[e.legal_representative, e.safety_lead, c.opened_by_name]
                || ARRAY(SELECT i.issued_by_name FROM enforcement_instrument i WHERE i.case_id = c.id)
                || ARRAY(SELECT i.content ->> f FROM enforcement_instrument i, unnest(ARRAY['inspectors', 'present']) f
                          WHERE i.case_id = c.id AND i.kind = 'inspection_record')
                || ARRAY(SELECT h.found_by FROM hazard h
                          WHERE h.id IN (SELECT (v ->> 'hazardId')::uuid FROM jsonb_array_elements(c.violations) v))
                || ARRAY(SELECT h.responsible_person FROM hazard h
                          WHERE h.id IN (SELECT (v ->> 'hazardId')::uuid FROM jsonb_array_elements(c.violations) v))
                AS names,
              coalesce((SELECT json_agg(json_build_object('kind', i.kind, 'year', i.year, 'seq', i.seq,
                                                          'issued_at', i.issued_at, 'content', i.content)
                                        ORDER BY i.issued_at)
                          FROM enforcement_instrument i WHERE i.case_id = c.id), '[]') AS instruments
         FROM enforcement_case c
         JOIN enterprise e ON e.id = c.enterprise_id
        WHERE c.status = 'closed' AND c.disclosed_at IS NOT NULL
          AND ($1::uuid IS NULL OR c.id = $1::uuid)
        ORDER BY c.disclosed_at DESC, c.id
        LIMIT $2`,
      [id, limit],
    );
    return rows.map((r) => this.item(r));
  }

  private item(r: DisclosedRow): PortalItem {
    const names = splitNames(r.names);
    const clean = (s: string) => redactPersonal(s, names);
    const day = (at: Date | string) => zoneDate(new Date(at), this.config.TZ);
    const of = <K extends InstrumentKind>(k: K) => r.instruments.find((i) => i.kind === k);
    const decision = of('penalty_decision');
    const order = of('rectification_order');
    const filing = of('filing');
    const lines: string[] = [`企业名称：${r.enterprise_name}（统一社会信用代码 ${r.credit_code}）`];
    lines.push(
      r.violations
        .map((v, n) => `违法事实${n + 1}：${clean(v.facts)}\n违反条款：${clean(v.basis)}`)
        .join('\n'),
    );
    let summary: string;
    if (decision) {
      const c = decision.content as InstrumentContent['penalty_decision'];
      const penalty = [
        c.fineYuan > 0 ? `罚款人民币${c.fineYuan}元` : null,
        c.otherPenalty ? clean(c.otherPenalty) : null,
      ]
        .filter(Boolean)
        .join('，');
      lines.push(
        `处罚决定：${formatInstrumentNo('penalty_decision', decision)}，依据${clean(c.basis)}，${penalty || '不予罚款'}`,
        `罚款金额：人民币${c.fineYuan}元`,
        `决定日期：${day(decision.issued_at)}`,
      );
      summary = `${r.enterprise_name}：${penalty || '行政处罚'}（${formatInstrumentNo('penalty_decision', decision)}）`;
    } else {
      const c = order?.content as InstrumentContent['rectification_order'] | undefined;
      lines.push(
        order
          ? `处理决定：${formatInstrumentNo('rectification_order', order)}，责令于${c!.deadline}前整改，已复查合格`
          : '处理决定：现场检查发现问题，已当场整改',
      );
      summary = `${r.enterprise_name}：责令限期整改，已整改合格`;
    }
    if (filing) lines.push(`立案日期：${day(filing.issued_at)}`);
    lines.push(`检查日期：${day(r.opened_at)}`, `结案日期：${day(r.closed_at)}`);
    return {
      id: r.id,
      title: `${r.enterprise_name}${clean(r.title)}`,
      summary,
      body: lines.join('\n\n'),
      publishedAt: new Date(r.disclosed_at),
      updatedAt: new Date(r.updated_at),
    };
  }
}

/** The names as recorded, and each of a list ("王立新（执法证号 …）、陈静") on its own. */
function splitNames(raw: (string | null)[]): string[] {
  const out: string[] = [];
  for (const s of raw) {
    if (!s) continue;
    out.push(s);
    for (const part of s.split(/[、，,；;\s]+/)) out.push(part.replace(/[（(].*$/, ''));
  }
  return out;
}
