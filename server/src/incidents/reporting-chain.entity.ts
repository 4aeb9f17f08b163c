import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChainActKind, ReportChannel, ReportLevel } from '@muster/contracts';

/** One act of an incident's reporting chain (see `reporting-chain.ts` for the duties they meet). */
@Entity('incident_chain_act')
export class IncidentChainAct {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'text' }) kind: ChainActKind;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text', nullable: true }) level: ReportLevel | null;
  @Column({ type: 'text', nullable: true }) recipient: string | null;
  @Column({ type: 'text', nullable: true }) channel: ReportChannel | null;
  @Column({ type: 'text', nullable: true }) senderName: string | null;
  @Column({ type: 'uuid', nullable: true }) fileId: string | null;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ type: 'integer', nullable: true }) extensionDays: number | null;
  @Column({ type: 'text', nullable: true }) approver: string | null;
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
