import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AttendanceMethod, TrainingKind, TrainingRole } from '@muster/contracts';

/** numeric(5,1) arrives from pg as a string. */
const hours = { to: (v: number) => v, from: (v: string) => Number(v) };

/** A training class, lecture, exhibition or drill, held by an enterprise or by the zone. */
@Entity('training_session')
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'text' }) kind: TrainingKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) trainer: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: hours }) hours: number;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'uuid', array: true }) materialFileIds: string[];
  @Column({ type: 'uuid', nullable: true }) drillRunId: string | null;
  @Column({ type: 'text' }) signInToken: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One person at one session, with the hours it counts for them. */
@Entity('training_attendance')
export class TrainingAttendance {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) contactId: string;
  /** The session's owner, copied so the enterprise scope applies without a join. */
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: hours }) hours: number;
  @Column({ type: 'text' }) method: AttendanceMethod;
  @Column({ type: 'timestamptz' }) signedAt: Date;
}

/** What training a contact owes: their Order 3 group and the day they took the post. */
@Entity('training_profile')
export class TrainingProfile {
  @PrimaryColumn('uuid') contactId: string;
  @Column({ type: 'uuid', nullable: true }) enterpriseId: string | null;
  @Column({ type: 'text' }) role: TrainingRole;
  @Column({ type: 'date', nullable: true }) startedOn: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export const TRAINING_ENTITIES = [TrainingSession, TrainingAttendance, TrainingProfile];
