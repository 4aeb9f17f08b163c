import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsOmittable } from '../common/validation.js';
import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  SEVERITIES,
  type Severity,
  ANNEX_KINDS,
  type AnnexKind,
  PLAN_HAZARDS,
  PLAN_REVIEW_KINDS,
  PLAN_SECTION_KEYS,
  PLAN_TYPES,
  type PlanHazard,
  type PlanReviewKind,
  type PlanSectionKey,
  type PlanType,
  REVISION_TRIGGERS,
  type RevisionTrigger,
} from '@muster/contracts';
import { trim, trimAll } from './text-transforms.js';

// ---- plans ---------------------------------------------------------------------------------

export class PlanCreateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description:
      'Owning enterprise; null for a zone plan. Omitted: the officer’s own enterprise, or the zone for zone roles.',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ enum: PLAN_TYPES })
  @IsIn(PLAN_TYPES)
  type: PlanType;

  @ApiPropertyOptional({ example: 'HS-YA-01' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  code?: string;

  @ApiProperty({ example: '液氯泄漏专项应急预案' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: '适用范围' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  scope?: string;

  @ApiProperty({ enum: PLAN_HAZARDS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(PLAN_HAZARDS, { each: true })
  hazards: PlanHazard[];

  @ApiProperty({
    enum: INCIDENT_CATEGORIES,
    isArray: true,
    description: 'Incidents the plan applies to; a comprehensive plan may leave it empty (all).',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(INCIDENT_CATEGORIES, { each: true })
  incidentCategories: IncidentCategory[];
}

export class PlanUpdateDto extends PartialType(
  PickType(PlanCreateDto, ['code', 'title', 'scope', 'hazards', 'incidentCategories'] as const),
  { skipNullProperties: false },
) {}

export class PlanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search in title and code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PLAN_TYPES })
  @IsOptional()
  @IsIn(PLAN_TYPES)
  type?: PlanType;

  @ApiPropertyOptional({ description: '"zone" or an enterprise id' })
  @IsOptional()
  @ValidateIf((o: PlanListQueryDto) => o.owner !== 'zone')
  @IsUUID(undefined, { message: 'owner must be "zone" or an enterprise id' })
  owner?: string;

  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(INCIDENT_CATEGORIES)
  category?: IncidentCategory;
}

export class PlanSuggestQueryDto {
  @ApiProperty({ enum: INCIDENT_CATEGORIES })
  @IsIn(INCIDENT_CATEGORIES)
  category: IncidentCategory;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The enterprise where it happens; omitted: zone plans only',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;
}

// ---- versions ------------------------------------------------------------------------------

export class PlanSectionDto {
  @ApiProperty({ enum: PLAN_SECTION_KEYS })
  @IsIn(PLAN_SECTION_KEYS)
  key: PlanSectionKey;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(50_000)
  body: string;
}

export class PlanAnnexDto {
  @ApiProperty({ enum: ANNEX_KINDS })
  @IsIn(ANNEX_KINDS)
  kind: AnnexKind;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(50_000)
  body: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class VersionCreateDto {
  @ApiPropertyOptional({ example: '2026年修订版' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiProperty({ description: 'What changes and why' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  changeSummary: string;

  @ApiProperty({ enum: REVISION_TRIGGERS, isArray: true, description: 'MEM Order 2 Art. 36' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(REVISION_TRIGGERS, { each: true })
  revisionTriggers: RevisionTrigger[];
}

export class VersionUpdateDto extends PartialType(VersionCreateDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: [PlanSectionDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanSectionDto)
  sections?: PlanSectionDto[];

  @ApiPropertyOptional({ type: [PlanAnnexDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanAnnexDto)
  annexes?: PlanAnnexDto[];

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'When the review (评审) is due' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(DATE, { message: 'reviewDueOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  reviewDueOn?: string | null;
}

export class ReviewMemberDto {
  @ApiProperty({ example: '刘振华' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ example: '安徽省安全生产专家库（化工）' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  affiliation?: string;
}

/** The review of a version before publication (MEM Order 2 Art. 21). */
export class VersionReviewDto {
  @ApiProperty({ enum: PLAN_REVIEW_KINDS, description: 'expert_review (评审) or discussion (论证)' })
  @IsIn(PLAN_REVIEW_KINDS)
  kind: PlanReviewKind;

  @ApiProperty({ format: 'date', description: 'The day it was held, in the zone' })
  @Matches(DATE, { message: 'heldOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  heldOn: string;

  @ApiProperty({ type: [ReviewMemberDto], description: 'The experts, or who took part in the discussion' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReviewMemberDto)
  members: ReviewMemberDto[];

  @ApiProperty({ description: 'The conclusion (评审意见 / 论证意见)' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  conclusion: string;
}

/** The principal's signature (MEM Order 2 Art. 24). */
export class VersionSignatureDto {
  @ApiProperty({ description: 'The principal (主要负责人) who signed', example: '王建国' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  signedBy: string;

  @ApiProperty({ format: 'date' })
  @Matches(DATE, { message: 'signedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  signedOn: string;
}

/** Telling neighbouring units and people who may be affected (MEM Order 2 Art. 24). */
export class NeighbourNoticeDto {
  @ApiProperty({ description: 'Whether the plan’s risks may reach anyone outside the unit' })
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'When they were told' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(DATE, { message: 'notifiedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  notifiedOn?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Who was told: units, villages, residents' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  notified?: string[];

  @ApiPropertyOptional({ description: 'How: a meeting, letters, a notice board' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  how?: string;
}

/** The filing of a version with the emergency management department (MEM Order 2 Art. 26). */
export class VersionFilingDto {
  @ApiProperty({ format: 'date', description: 'The day it was filed, in the zone' })
  @Matches(DATE, { message: 'filedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  filedOn: string;

  @ApiProperty({ description: 'The department it was filed with', example: '淮北市杜集区应急管理局' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  filedWith: string;

  @ApiPropertyOptional({ description: 'The receipt number (备案编号) the department gave' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  receiptNo?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The filing receipt or the filed document, uploaded' })
  @IsOmittable()
  @IsUUID()
  fileId?: string;
}

export class VersionReturnDto {
  @ApiProperty({ description: 'What the reviewers ask to change' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note: string;
}

// ---- levels --------------------------------------------------------------------------------

export class ChecklistItemDto {
  @ApiProperty({ example: '启动应急广播，通知下风向人员撤离' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  item: string;

  @ApiPropertyOptional({ nullable: true, example: '现场指挥' })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  teamId?: string | null;

  @ApiProperty({ minimum: 0, maximum: 10080, description: 'Minutes after the level is activated' })
  @IsInt()
  @Min(0)
  @Max(10080)
  targetMinutes: number;
}

export class LevelCreateDto {
  @ApiProperty({ minimum: 1, maximum: 10, description: '1 = the most severe response' })
  @IsInt()
  @Min(1)
  @Max(10)
  rank: number;

  @ApiProperty({ example: 'I' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  code: string;

  @ApiProperty({ example: '一级响应' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  activationCriteria: string;

  @ApiProperty({ enum: SEVERITIES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SEVERITIES, { each: true })
  severities: Severity[];

  @ApiProperty({ type: [ChecklistItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist: ChecklistItemDto[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  policyId?: string | null;
}

export class LevelUpdateDto extends PartialType(LevelCreateDto, { skipNullProperties: false }) {}

// ---- disposal cards ------------------------------------------------------------------------

export class CardContactDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '0561-3011001' })
  @Transform(trim)
  @Matches(/^\+?[0-9][0-9\- ]{2,19}$/, {
    message: 'phone must be a phone number (digits, spaces, dashes, optional leading +)',
  })
  phone: string;
}

export class CardCreateDto {
  @ApiProperty({ example: '氯气充装岗' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  post: string;

  @ApiProperty({ example: '液氯钢瓶泄漏应急处置卡' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: '风险提示' })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  hazards?: string;

  @ApiProperty({ type: [String] })
  @Transform(trimAll)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  steps: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  precautions?: string[];

  @ApiPropertyOptional({ type: [CardContactDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CardContactDto)
  contacts?: CardContactDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'Place in the set of cards; default last' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class CardUpdateDto extends PartialType(CardCreateDto, { skipNullProperties: false }) {}
