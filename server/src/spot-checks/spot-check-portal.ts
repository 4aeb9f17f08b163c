import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type PortalItem, PortalSections } from '../portal/portal-sections.js';
import type { SpotCheckDraw, SpotCheckTask } from './spot-check.entities.js';
import { SpotCheckService } from './spot-check.service.js';

/**
 * The published results of the double random draw (一公开): each enterprise drawn and the
 * inspectors drawn for it, by name (public officials acting in office), with the seed and the
 * size of both candidate lists so that anyone can ask for the draw to be checked. No phones.
 */
@Injectable()
export class SpotCheckPortal implements OnModuleInit {
  constructor(
    private readonly sections: PortalSections,
    private readonly spotChecks: SpotCheckService,
  ) {}

  onModuleInit(): void {
    this.sections.register({
      key: 'spot-checks',
      title: { zh: '双随机抽查结果公开', en: 'Double random spot checks' },
      list: async (limit) => (await this.spotChecks.published(limit)).flatMap((p) => item(p.task, p.draws)),
      get: async (id) => {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
        const [p] = await this.spotChecks.published(1, id);
        return p ? (item(p.task, p.draws)[0] ?? null) : null;
      },
    });
  }
}

export function item(task: SpotCheckTask, draws: SpotCheckDraw[]): PortalItem[] {
  const current = draws.find((d) => !d.superseded);
  if (!current || !task.publishedAt) return [];
  const lines = current.pairs.map(
    (p, i) => `${i + 1}. ${p.enterpriseName} —— 检查人员：${p.inspectors.map((x) => x.name).join('、')}`,
  );
  const redrawn = draws.filter((d) => d.superseded);
  const paragraphs = [
    `抽查期间：${task.periodStart} 至 ${task.periodEnd}。从 ${current.enterpriseCandidates.length} 家符合条件的企业中随机抽取 ${current.pairs.length} 家，从 ${current.inspectorCandidates.length} 名执法检查人员中为每家随机选派 ${task.inspectorsPerEnterprise} 名。`,
    lines.join('\n'),
    `随机种子：${current.seed}（算法 ${current.algorithm}，第 ${current.seq} 次抽取，${current.drawnAt.toISOString()}）。抽取所用的候选名单与种子均已存档，可据此复核抽取结果。`,
    ...(redrawn.length
      ? [`本任务曾重新抽取 ${redrawn.length} 次，原因：${current.reason ?? ''}。此前的抽取结果已存档。`]
      : []),
  ];
  return [
    {
      id: task.id,
      title: task.title,
      summary: paragraphs[0]!,
      body: paragraphs.join('\n\n'),
      publishedAt: task.publishedAt,
      updatedAt: current.drawnAt > task.publishedAt ? current.drawnAt : task.publishedAt,
    },
  ];
}
