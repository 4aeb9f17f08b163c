import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PortalSections, type PortalItem } from '../portal/portal-sections.js';
import { type IssuedAlert, WarningService } from './warning.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KIND: Record<IssuedAlert['msgType'], string> = {
  Alert: '预警',
  Update: '预警更新',
  Cancel: '预警解除',
};
const SEVERITY: Record<string, string> = {
  Extreme: '特别严重',
  Severe: '严重',
  Moderate: '较重',
  Minor: '一般',
  Unknown: '未知',
};

/** The CAP alerts the zone issued for real, on the public pages, each linking its CAP document. */
@Injectable()
export class AlertsSection implements OnModuleInit {
  constructor(
    private readonly sections: PortalSections,
    private readonly warnings: WarningService,
  ) {}

  onModuleInit(): void {
    this.sections.register({
      key: 'alerts',
      title: { zh: '预警信息', en: 'Alerts' },
      order: 30,
      list: async (limit) => (await this.warnings.issuedAlerts(limit)).map(item),
      get: async (id) => {
        const a = UUID.test(id) ? await this.warnings.issuedAlert(id) : null;
        return a && item(a);
      },
    });
  }
}

function item(a: IssuedAlert): PortalItem {
  return {
    id: a.id,
    title: `${KIND[a.msgType]}：${a.event}（${a.areaLabel}）`,
    summary: a.text,
    body: [
      a.text,
      a.instruction,
      `预警区域：${a.areaLabel}\n严重程度：${SEVERITY[a.severity] ?? a.severity}\n发布单位：${a.senderName['zh-CN']}`,
    ].join('\n\n'),
    publishedAt: a.sentAt,
    updatedAt: a.sentAt,
    alternate: {
      url: a.capUrl,
      type: 'application/cap+xml',
      label: { zh: 'CAP 1.2 预警文档（XML）', en: 'CAP 1.2 alert document (XML)' },
    },
  };
}
