import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SignatureMethod } from '@muster/contracts';

/** A post (岗位) of an enterprise's responsibility list, kept in step with the list. */
@Entity('responsibility_post')
export class ResponsibilityPost {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'text' }) unit: string;
  @Column({ type: 'text' }) name: string;
  /** The post's duties as the list has them now. */
  @Column({ type: 'text', array: true }) duties: string[];
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'boolean' }) inList: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A person of the directory holding a post, with their personal signing link's token. */
@Entity('post_assignment')
export class PostAssignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) postId: string;
  @Column({ type: 'uuid' }) contactId: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'text' }) signToken: string;
  @Column({ type: 'timestamptz' }) assignedAt: Date;
}

/** One published version of a post's safety responsibility statement; never changed once published. */
@Entity('statement_version')
export class StatementVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) postId: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', array: true }) duties: string[];
  @Column({ type: 'text', array: true }) clauses: string[];
  @Column({ type: 'text', array: true }) targets: string[];
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) textHash: string;
  @Column({ type: 'timestamptz' }) publishedAt: Date;
  @Column({ type: 'uuid', nullable: true }) publishedBy: string | null;
}

@Entity('statement_signature')
export class StatementSignature {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) versionId: string;
  @Column({ type: 'uuid' }) postId: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  @Column({ type: 'text' }) signerName: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) textHash: string;
  @Column({ type: 'text' }) method: SignatureMethod;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ type: 'timestamptz' }) signedAt: Date;
}

/** A duty of a post carried out (履职记录), with its evidence. */
@Entity('duty_record')
export class DutyRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) postId: string;
  @Column({ type: 'uuid' }) enterpriseId: string;
  @Column({ type: 'uuid', nullable: true }) contactId: string | null;
  @Column({ type: 'text' }) personName: string;
  @Column({ type: 'date' }) doneOn: string;
  @Column({ type: 'text' }) duty: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'uuid', array: true }) fileIds: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const RESPONSIBILITY_STATEMENT_ENTITIES = [
  ResponsibilityPost,
  PostAssignment,
  StatementVersion,
  StatementSignature,
  DutyRecord,
];
