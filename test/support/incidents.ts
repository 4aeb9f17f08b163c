import type { IncidentCreateDto } from '../../server/src/incidents/incident.dto.js';

/** A plausible report (chlorine leak at the coal chemicals plant), with fields to override. */
export function incidentReport(overrides: Partial<IncidentCreateDto> = {}): IncidentCreateDto {
  return {
    title: '氯气储罐阀门泄漏',
    category: 'hazardous_chemical_leak',
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    location: { lat: 33.9962, lng: 116.8128 },
    address: '杜集经济开发区凤凰山路88号 液氯库',
    summary: '液氯储罐出口阀门密封失效，少量氯气泄漏，现场人员已撤离。',
    casualties: { deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 3 },
    directLossCny: 200_000,
    measuresTaken: '关闭上游阀门，启动喷淋吸收，疏散下风向人员',
    reporter: { name: '李志强', phone: '13800000001' },
    ...overrides,
  } as IncidentCreateDto;
}
