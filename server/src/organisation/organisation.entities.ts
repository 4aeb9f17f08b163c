import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  DecisionAction,
  DecisionStatus,
  EngineerLevel,
  EngineerSpecialty,
  LeadingGroupRole,
  MeetingKind,
  SafetyManagerKind,
  SafetyOrgIndustry,
} from '@muster/contracts';

/** One person's place in the zone's leading group from one day to another (null: still). */
@Entity('leading_group_member')
export class LeadingGroupMember {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) contactId: string;
  @Column({ type: 'text' }) role: LeadingGroupRole;
  @Column({ type: 'text' }) department: string;
  @Column({ type: 'text' }) post: string;
  @Column({ type: 'date' }) fromDate: string;
  @Column({ type: 'date', nullable: true }) untilDate: string | null;
  @Column({ type: 'text' }) note: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A meeting of the group (全体会议 or 专题会议), with its minutes. */
@Entity('leading_group_meeting')
export class LeadingGroupMeeting {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: MeetingKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'date' }) heldOn: string;
  @Column({ type: 'uuid', array: true }) attendeeContactIds: string[];
  @Column({ type: 'text' }) otherAttendees: string;
  @Column({ type: 'text' }) agenda: string;
  @Column({ type: 'text' }) minutes: string;
  @Column({ type: 'uuid', array: true }) minutesFileIds: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A decision the group assigned at a meeting (督办事项), tracked to its verified close. */
@Entity('leading_group_decision')
export class LeadingGroupDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @Column({ type: 'text' }) item: string;
  @Column({ type: 'text' }) department: string;
  @Column({ type: 'uuid', nullable: true }) responsibleContactId: string | null;
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'text' }) status: DecisionStatus;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One step of a decision: a progress note, the evidence it is done, the office's verdict. */
@Entity('leading_group_decision_update')
export class LeadingGroupDecisionUpdate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) decisionId: string;
  @Column({ type: 'text' }) action: DecisionAction;
  @Column({ type: 'text' }) status: DecisionStatus;
  @Column({ type: 'text' }) note: string;
  @Column({ type: 'uuid', array: true }) fileIds: string[];
  @Column({ type: 'uuid', nullable: true }) byUserId: string | null;
  @Column({ type: 'text', nullable: true }) byName: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}

/** An enterprise's safety management organisation as it reports it. */
@Entity('enterprise_safety_org')
export class EnterpriseSafetyOrg {
  @PrimaryColumn('uuid') enterpriseId: string;
  /** Null: as the enterprise's recorded categories suggest. */
  @Column({ type: 'text', nullable: true }) industry: SafetyOrgIndustry | null;
  @Column({ type: 'integer', nullable: true }) headcount: number | null;
  @Column({ type: 'boolean' }) hasOffice: boolean;
  @Column({ type: 'text' }) officeName: string;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A full-time or part-time safety manager of an enterprise, and their registration if an engineer. */
@Entity('safety_manager')
export class SafetyManager {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'uuid' }) contactId: string;
  @Column({ type: 'text' }) kind: SafetyManagerKind;
  @Column({ type: 'text', nullable: true }) engineerCertificateNo: string | null;
  @Column({ type: 'text', nullable: true }) engineerSpecialty: EngineerSpecialty | null;
  @Column({ type: 'text', nullable: true }) engineerLevel: EngineerLevel | null;
}

export const ORGANISATION_ENTITIES = [
  LeadingGroupMember,
  LeadingGroupMeeting,
  LeadingGroupDecision,
  LeadingGroupDecisionUpdate,
  EnterpriseSafetyOrg,
  SafetyManager,
];
