import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
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
import {
  PROGRESS_STATUSES,
  QUARTERS,
  WORK_PLAN_SECTION_KINDS,
  type ProgressStatus,
  type Quarter,
  type WorkPlanSectionKind,
} from '@muster/contracts';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';

/** Keys name sections and tasks in comments and reports: short, stable, URL-safe. */
const KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;
const KEY_MESSAGE = 'must be lowercase letters, digits and hyphens (at most 60)';

export class WorkPlanYearQueryDto {
  @ApiPropertyOptional({ example: 2031, description: 'Default: this year' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class TemplateTaskDto {
  @ApiProperty({ example: 'hazard-ledger' })
  @IsString()
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key: string;

  @ApiProperty({ example: '建立隐患排查治理台账' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  heading: string;

  @ApiPropertyOptional({ example: '按“五落实”要求及时整改' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  guidance?: string;
}

export class TemplateSectionDto {
  @ApiProperty({ example: 'hazards' })
  @IsString()
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key: string;

  @ApiProperty({ enum: WORK_PLAN_SECTION_KINDS })
  @IsIn(WORK_PLAN_SECTION_KINDS)
  kind: WorkPlanSectionKind;

  @ApiProperty({ example: '加强安全隐患排查治理' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  guidance?: string;

  @ApiPropertyOptional({
    type: [TemplateTaskDto],
    description: 'Required task headings (tasks sections only)',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => TemplateTaskDto)
  tasks?: TemplateTaskDto[];
}

export class TemplateCreateDto {
  @ApiProperty({ example: 2031 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: '2031年度企业安全生产工作实施方案模板' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2031-03-31', description: 'Zone-local day plans are due by' })
  @IsCalendarDate()
  submissionDeadline: string;

  @ApiProperty({ type: [TemplateSectionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => TemplateSectionDto)
  sections: TemplateSectionDto[];
}

/** A draft template changes freely; a published one only its title and deadline. */
export class TemplateUpdateDto extends PartialType(OmitType(TemplateCreateDto, ['year'] as const), {
  skipNullProperties: false,
}) {}

export class PlanStartDto {
  @ApiProperty({ example: 2031, description: 'The year whose published template the plan is filled from' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class PlanSectionTextDto {
  @ApiProperty({ example: 'goals' })
  @IsString()
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key: string;

  @ApiProperty({ example: '全年杜绝较大及以上生产安全事故，重大隐患整改率 100%' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  text: string;
}

export class PlanTaskDto {
  @ApiPropertyOptional({
    description: "A template task's key, or an added task's; left out for a new added task",
  })
  @IsOmittable()
  @IsString()
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key?: string;

  @ApiProperty({ example: 'hazards', description: 'The tasks section it belongs to' })
  @IsString()
  @Matches(KEY, { message: `sectionKey ${KEY_MESSAGE}` })
  sectionKey: string;

  @ApiPropertyOptional({ example: '储罐区泄漏检测与修复', description: "An added task's heading" })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  heading?: string;

  @ApiProperty({ example: '每月组织一次综合检查，每周一次专项检查' })
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  measures: string;

  @ApiPropertyOptional({ nullable: true, description: 'A person of the enterprise’s directory' })
  @IsOptional()
  @IsUUID()
  responsibleContactId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2031-06-30' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}

export class PlanContentDto {
  @ApiProperty({ type: [PlanSectionTextDto], description: 'Goals and safeguards sections' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PlanSectionTextDto)
  sections: PlanSectionTextDto[];

  @ApiProperty({ type: [PlanTaskDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanTaskDto)
  tasks: PlanTaskDto[];
}

export class ApproveDto {
  @ApiPropertyOptional({ example: '同意。请按季度报送任务进展。' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class SectionCommentDto {
  @ApiProperty({ example: 'hazards' })
  @IsString()
  @Matches(KEY, { message: `sectionKey ${KEY_MESSAGE}` })
  sectionKey: string;

  @ApiProperty({ example: '隐患排查计划未明确排查频次和范围' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment: string;
}

export class ReturnDto {
  @ApiPropertyOptional({ example: '请按意见修改后重新报送' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiProperty({ type: [SectionCommentDto], description: 'What to revise, by section' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SectionCommentDto)
  sectionComments: SectionCommentDto[];
}

export class ProgressEntryDto {
  @ApiProperty({ example: 'hazard-ledger' })
  @IsString()
  @Matches(KEY, { message: `taskKey ${KEY_MESSAGE}` })
  taskKey: string;

  @ApiProperty({ enum: PROGRESS_STATUSES })
  @IsIn(PROGRESS_STATUSES)
  status: ProgressStatus;

  @ApiProperty({ example: 60, minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent: number;

  @ApiPropertyOptional({ nullable: true, example: '设备到货延迟', description: 'Required when delayed' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  reason?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded evidence (photos, PDFs)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID(undefined, { each: true })
  evidenceFileIds?: string[];
}

export class ProgressReportDto {
  @ApiProperty({ enum: QUARTERS, example: 1 })
  @IsIn(QUARTERS)
  quarter: Quarter;

  @ApiPropertyOptional({ example: '一季度完成隐患排查 3 次' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({ type: [ProgressEntryDto], description: 'One entry for every task of the approved plan' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProgressEntryDto)
  entries: ProgressEntryDto[];
}
