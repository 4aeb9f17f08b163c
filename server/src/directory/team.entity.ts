import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { TeamReadiness, TeamType } from '@muster/contracts';

@Entity('team')
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: TeamType;

  @Column({ type: 'uuid', nullable: true })
  leaderContactId: string | null;

  @Column({ type: 'double precision', nullable: true })
  baseLat: number | null;

  @Column({ type: 'double precision', nullable: true })
  baseLng: number | null;

  @Column({ type: 'text' })
  baseAddress: string;

  @Column({ type: 'text' })
  readiness: TeamReadiness;

  @Column({ type: 'text' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Loaded from team_member by the repository, in position order. */
  memberContactIds: string[];
}

@Entity('team_member')
export class TeamMember {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid' })
  contactId: string;

  @Column({ type: 'integer' })
  position: number;
}
