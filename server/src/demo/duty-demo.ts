import { Injectable } from '@nestjs/common';
import type { DutyRule } from '@muster/contracts';
import { RotationRepository } from '../directory/rotation.repository.js';
import { TeamRepository } from '../directory/team.repository.js';
import type { DutyPolicyDto } from '../duty/duty-policy.dto.js';
import { DutyPolicyService } from '../duty/duty-policy.service.js';

/**
 * The demo zone's duty policy: an ordinary incident pages the zone's duty officer and the
 * enterprise's safety lead; relatively serious and graver ones also the commanders and the
 * leadership group at once; a hazardous chemical leak adds the hazmat team. Nobody taking charge
 * within five minutes brings in the commanders.
 */
@Injectable()
export class DutyDemoSeeder {
  constructor(
    private readonly policies: DutyPolicyService,
    private readonly rotations: RotationRepository,
    private readonly teams: TeamRepository,
  ) {}

  /** Must run as the system, after the directory. Returns whether it created the policy. */
  async seed(): Promise<boolean> {
    if (await this.policies.current()) return false;
    const [rotations] = await this.rotations.list({ skip: 0, take: 1000 });
    const [teams] = await this.teams.list({ skip: 0, take: 1000 });
    const duty = rotations.find((r) => r.enterpriseId === null && r.name.startsWith('管委会应急值班'));
    const leadership = teams.find((t) => t.enterpriseId === null && t.name === '应急领导小组');
    const hazmat = teams.find((t) => t.enterpriseId === null && t.type === 'hazmat');
    if (!duty || !leadership || !hazmat) return false;
    const rules: DutyRule[] = [
      {
        minSeverity: 'ordinary',
        category: null,
        tier: 0,
        targets: [{ kind: 'duty_officer' }, { kind: 'safety_lead' }],
      },
      {
        minSeverity: 'relatively_serious',
        category: null,
        tier: 0,
        targets: [{ kind: 'commanders' }, { kind: 'team', teamId: leadership.id }],
      },
      {
        minSeverity: 'ordinary',
        category: 'hazardous_chemical_leak',
        tier: 0,
        targets: [{ kind: 'team', teamId: hazmat.id }],
      },
      { minSeverity: 'ordinary', category: null, tier: 1, targets: [{ kind: 'commanders' }] },
    ];
    await this.policies.update({
      enabled: true,
      dutyRotationId: duty.id,
      tiers: [
        { ackTimeoutSeconds: 300, channels: ['sms', 'voice'], voiceDelaySeconds: 120 },
        { ackTimeoutSeconds: 600, channels: ['sms', 'voice'], voiceDelaySeconds: 60 },
      ],
      rules,
    } as DutyPolicyDto);
    return true;
  }
}
