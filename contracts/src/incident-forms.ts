/**
 * The written forms of an incident report (Decree 493 Art. 12): the unit overview a report
 * carries, and the numbering of the 事故快报 and 续报 documents the zone prints and sends upward.
 */

/**
 * 事故发生单位概况 (Art. 12 item 1), as it stood when the report was filed: a snapshot, so a later
 * change to the enterprise record never rewrites a report already sent.
 */
export interface UnitOverview {
  name: string;
  /** 统一社会信用代码 */
  creditCode: string;
  address: string;
  /** 单位性质 / 行业: what kind of unit it is. */
  nature: string;
  /** 法定代表人 */
  legalRepresentative: string;
  /** 规模及生产能力: staff, output, capacity. */
  scale: string;
  /** 证照情况: licences and permits held (e.g. 安全生产许可证 and its number). */
  licences: string;
  /** 联系电话: the unit's duty phone. */
  phone: string;
}

export const UNIT_OVERVIEW_FIELDS = [
  'name',
  'creditCode',
  'address',
  'nature',
  'legalRepresentative',
  'scale',
  'licences',
  'phone',
] as const satisfies readonly (keyof UnitOverview)[];

export const EMPTY_UNIT_OVERVIEW: UnitOverview = {
  name: '',
  creditCode: '',
  address: '',
  nature: '',
  legalRepresentative: '',
  scale: '',
  licences: '',
  phone: '',
};

/** A report's document number once it was first printed; reprints keep it. */
export interface ReportDocumentNo {
  year: number;
  seq: number;
}

/**
 * The printed number, e.g. 杜集开发区事故快报〔2026〕3号; drills count apart and say so, so a
 * drill's paper can never be taken for a real report's.
 */
export function formatReportDocumentNo(
  kind: 'initial' | 'supplementary',
  no: ReportDocumentNo,
  isDrill: boolean,
): string {
  const form = kind === 'initial' ? '事故快报' : '事故续报';
  return `${isDrill ? '【演练】' : ''}${zoneDocumentNo(form, no)}`;
}

/** The zone's document numbering: the issuing body, the kind of document, 〔year〕, number 号. */
export function zoneDocumentNo(form: string, no: { year: number; seq: number }): string {
  return `杜集开发区${form}〔${no.year}〕${no.seq}号`;
}
