import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  CapCategory,
  CapCertainty,
  CapSeverity,
  CapUrgency,
  GeoPoint,
  WarningAction,
  WarningArea,
  WarningCounts,
  WarningMsgType,
  WarningTarget,
} from '@muster/contracts';

/**
 * A warning as sent: its area, words and the targets found inside it are kept as they were, so
 * the board and the CAP document say what was warned even after the registers change.
 */
@Entity('warning')
export class Warning {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'boolean' }) isDrill: boolean;
  @Column({ type: 'text' }) msgType: WarningMsgType;
  @Column({ type: 'uuid', nullable: true }) referencesId: string | null;
  @Column({ type: 'uuid', nullable: true }) calloutId: string | null;
  @Column({ type: 'jsonb' }) area: WarningArea;
  @Column({ type: 'text' }) event: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) action: WarningAction;
  @Column({ type: 'jsonb', nullable: true }) assemblyPoint: {
    id: string;
    label: string;
    location: GeoPoint;
  } | null;
  @Column({ type: 'text' }) category: CapCategory;
  @Column({ type: 'text' }) urgency: CapUrgency;
  @Column({ type: 'text' }) severity: CapSeverity;
  @Column({ type: 'text' }) certainty: CapCertainty;
  @Column({ type: 'jsonb' }) targets: WarningTarget[];
  @Column({ type: 'jsonb' }) counts: WarningCounts;
  @Column({ type: 'text' }) sentBy: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz' }) sentAt: Date;
}
