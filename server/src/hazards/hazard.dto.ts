import {
  HAZARD_ACTIONS,
  HAZARD_CATEGORIES,
  HAZARD_EVALUATORS,
  HAZARD_LEVELS,
  HAZARD_SOURCES,
  HAZARD_STATUSES,
  type HazardAction,
  type HazardCategory,
  type HazardEvaluatorKind,
  type HazardLevel,
  type HazardSource,
  type HazardStatus,
  STOPPAGE_SCOPES,
  type StoppageScope,
} from '@muster/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable } from '../common/validation.js';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';
import { HAZARD_SORTS, type HazardSort } from './hazard.repository.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An empty string clears an optional text field. */
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GovernancePlanDto {
  @ApiProperty({ description: '治理的目标和任务' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  objectives: string;

  @ApiProperty({ description: '采取的方法和措施' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  methods: string;

  @ApiProperty({ description: '经费和物资的落实' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  fundsAndMaterials: string;

  @ApiProperty({ description: '负责治理的机构和人员' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  responsible: string;

  @ApiProperty({ description: '治理的时限和要求' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  timeLimit: string;

  @ApiProperty({ description: '安全措施和应急预案' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  safetyMeasures: string;
}

export class HazardCreateDto {
  @ApiPropertyOptional({ description: "Required for zone users; an officer's own enterprise otherwise" })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ example: '2号罐区东侧管廊' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiPropertyOptional({ type: GeoPointDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto | null;

  @ApiProperty({ enum: HAZARD_CATEGORIES })
  @IsIn(HAZARD_CATEGORIES)
  category: HazardCategory;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  description: string;

  @ApiProperty({ enum: HAZARD_LEVELS })
  @IsIn(HAZARD_LEVELS)
  level: HazardLevel;

  @ApiProperty({ enum: HAZARD_SOURCES })
  @IsIn(HAZARD_SOURCES)
  source: HazardSource;

  @ApiPropertyOptional({ description: 'Name of who found it; defaults to the caller' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  foundBy?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 instant; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  foundAt?: string;

  @ApiPropertyOptional({ description: '整改措施' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(4000)
  measures?: string | null;

  @ApiPropertyOptional({ description: '整改责任人' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(100)
  responsiblePerson?: string | null;

  @ApiPropertyOptional({ description: '整改资金 (CNY), up to two decimals', example: '12000.00' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, {
    message: 'funds must be a non-negative amount in CNY with at most two decimals',
  })
  funds?: string | null;

  @ApiPropertyOptional({
    description: '整改时限: zone-local date, due by the end of that day',
    example: '2026-12-31',
  })
  @IsOptional()
  @Matches(DATE, { message: 'deadline must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  deadline?: string | null;

  @ApiPropertyOptional({ description: '应急预案: a reference or link' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(500)
  contingencyPlanRef?: string | null;

  @ApiPropertyOptional({ description: 'Id of the contingency plan in the plans module' })
  @IsOptional()
  @IsUUID()
  contingencyPlanId?: string | null;

  @ApiPropertyOptional({ type: GovernancePlanDto, nullable: true, description: '重大隐患治理方案' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GovernancePlanDto)
  governancePlan?: GovernancePlanDto | null;

  @ApiPropertyOptional({
    description: '危害程度和整改难易程度分析; required for a major hazard (Order 16 Art. 14)',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(4000)
  harmAnalysis?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded photos (POST /api/files)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

/** Order 16 Art. 16: production stopped in part or whole while a major hazard is fixed. */
export class HazardStoppageDto {
  @ApiProperty({ enum: STOPPAGE_SCOPES, description: '局部停产停业 / 全部停产停业' })
  @IsIn(STOPPAGE_SCOPES)
  scope: StoppageScope;

  @ApiProperty({
    description: 'What is stopped: unit, line, equipment or area',
    example: '气化车间3号气化炉',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  what: string;

  @ApiProperty({ description: 'People withdrawn from the danger area' })
  @IsBoolean()
  peopleWithdrawn: boolean;

  @ApiProperty({ description: 'Zone-local date the stoppage began', example: '2026-11-01' })
  @IsCalendarDate()
  from: string;
}

/** Order 16 Art. 18: the evaluation of a finished major hazard fix. */
export class HazardEvaluationDto {
  @ApiProperty({ enum: HAZARD_EVALUATORS, description: '本单位技术人员和专家 / 有资质的安全评价机构' })
  @IsIn(HAZARD_EVALUATORS)
  by: HazardEvaluatorKind;

  @ApiProperty({ description: 'The people or the agency', example: '鄂尔多斯安全评价中心' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  evaluator: string;

  @ApiProperty({ description: 'Zone-local date of the evaluation' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ description: 'Whether the evaluation found the hazard eliminated' })
  @IsBoolean()
  passed: boolean;

  @ApiProperty({ description: 'The conclusion as written in the report' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  conclusion: string;

  @ApiPropertyOptional({ description: 'The evaluation report (POST /api/files)' })
  @IsOptional()
  @IsUUID()
  reportFileId?: string | null;
}

export class HazardResumptionDto {
  @ApiProperty({ description: 'The application: what was fixed and what is to restart' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;
}

export class HazardResumptionReviewDto {
  @ApiProperty({ enum: ['approve', 'refuse'] })
  @IsIn(['approve', 'refuse'])
  decision: 'approve' | 'refuse';

  @ApiProperty({ description: 'The review note (required either way)' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note: string;
}

/** 挂牌督办. */
export class HazardSupervisionDto {
  @ApiProperty({ description: 'The issuing body', example: '园区应急管理局' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  body: string;

  @ApiProperty({ description: 'Zone-local date by which the hazard must be fixed' })
  @IsCalendarDate()
  deadline: string;
}

export class HazardNoticeQueryDto {
  @ApiPropertyOptional({ description: 'Zone users name the enterprise; an officer gets their own' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

export class HazardUpdateDto extends PartialType(HazardCreateDto, { skipNullProperties: false }) {}

export class HazardTransitionDto {
  @ApiProperty({ enum: HAZARD_ACTIONS })
  @IsIn(HAZARD_ACTIONS)
  action: HazardAction;

  @ApiPropertyOptional({ description: 'What was done, or why it is rejected' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class HazardListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search description, place, enterprise, finder, or a ledger number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: HAZARD_LEVELS })
  @IsOptional()
  @IsIn(HAZARD_LEVELS)
  level?: HazardLevel;

  @ApiPropertyOptional({ description: 'One or more statuses, comma separated', example: 'found,rectifying' })
  @IsOptional()
  @Transform(toList)
  @IsIn(HAZARD_STATUSES, { each: true })
  status?: HazardStatus[];

  @ApiPropertyOptional({ enum: HAZARD_CATEGORIES })
  @IsOptional()
  @IsIn(HAZARD_CATEGORIES)
  category?: HazardCategory;

  @ApiPropertyOptional({ enum: HAZARD_SOURCES })
  @IsOptional()
  @IsIn(HAZARD_SOURCES)
  source?: HazardSource;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Found on or after this zone-local date' })
  @IsOptional()
  @IsCalendarDate()
  foundFrom?: string;

  @ApiPropertyOptional({ description: 'Found on or before this zone-local date' })
  @IsOptional()
  @IsCalendarDate()
  foundTo?: string;

  @ApiPropertyOptional({ enum: HAZARD_SORTS })
  @IsOptional()
  @IsIn(HAZARD_SORTS)
  sort?: HazardSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

/** The ledger export takes the list's filters without paging. */
export class HazardExportQueryDto extends PickType(HazardListQueryDto, [
  'q',
  'enterpriseId',
  'level',
  'status',
  'category',
  'source',
  'overdue',
  'foundFrom',
  'foundTo',
  'sort',
  'order',
] as const) {}

export class HazardStatsQueryDto {
  @ApiPropertyOptional({ description: 'Zone-local date, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Zone-local date, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

export class HazardReportQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ description: '1–4 for a quarterly report; omitted for the annual report' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @ApiPropertyOptional({ description: 'Zone users: one enterprise only' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
