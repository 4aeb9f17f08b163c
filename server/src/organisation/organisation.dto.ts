import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DECISION_ACTIONS,
  ENGINEER_LEVELS,
  ENGINEER_SPECIALTIES,
  LEADING_GROUP_ROLES,
  MEETING_KINDS,
  SAFETY_MANAGER_KINDS,
  SAFETY_ORG_INDUSTRIES,
  SAFETY_ORG_PROBLEMS,
  type DecisionAction,
  type EngineerLevel,
  type EngineerSpecialty,
  type LeadingGroupRole,
  type MeetingKind,
  type SafetyManagerKind,
  type SafetyOrgIndustry,
  type SafetyOrgProblem,
} from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

// ---------------------------------------------------------------------------------------------
// The leading group

export class MembersQueryDto {
  @ApiPropertyOptional({ description: 'Also the places people held before (default: only the current)' })
  @IsOmittable()
  @Transform(toBoolean)
  @IsBoolean()
  history?: boolean;
}

export class MemberCreateDto {
  @ApiProperty({ description: "A person of the zone's directory" })
  @IsUUID()
  contactId: string;

  @ApiProperty({ enum: LEADING_GROUP_ROLES })
  @IsIn(LEADING_GROUP_ROLES)
  role: LeadingGroupRole;

  @ApiPropertyOptional({ example: '应急管理局', description: "Default: the person's organisation" })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ example: '局长', description: "Default: the person's post" })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  post?: string;

  @ApiProperty({ example: '2031-01-05', description: 'The first day in this place' })
  @IsCalendarDate()
  fromDate: string;

  @ApiPropertyOptional({ example: '管委会〔2031〕3号文件调整' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** A new place for the same person: the current one ends the day before `fromDate`. */
export class MemberChangeDto {
  @ApiProperty({ enum: LEADING_GROUP_ROLES })
  @IsIn(LEADING_GROUP_ROLES)
  role: LeadingGroupRole;

  @ApiPropertyOptional({ example: '应急管理局' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ example: '局长' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  post?: string;

  @ApiProperty({ example: '2031-06-01', description: 'The first day in the new place' })
  @IsCalendarDate()
  fromDate: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class MemberEndDto {
  @ApiProperty({ example: '2031-06-30', description: 'The last day in the group' })
  @IsCalendarDate()
  untilDate: string;

  @ApiPropertyOptional({ example: '工作调动' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Meetings and decisions

export class MeetingCreateDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind: MeetingKind;

  @ApiProperty({ example: '2031年第一次安全生产工作领导小组全体会议' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2031-03-12' })
  @IsCalendarDate()
  heldOn: string;

  @ApiPropertyOptional({ type: [String], description: "People of the zone's directory who attended" })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  attendeeContactIds?: string[];

  @ApiPropertyOptional({ example: '各重点企业主要负责人' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  otherAttendees?: string;

  @ApiPropertyOptional({ example: '一、通报一季度安全生产形势；二、部署危化品专项整治' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  agenda?: string;

  @ApiPropertyOptional({ description: 'The minutes (会议纪要)' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(50_000)
  minutes?: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded files of the minutes' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  minutesFileIds?: string[];
}

export class MeetingUpdateDto extends PartialType(MeetingCreateDto, { skipNullProperties: false }) {}

export class DecisionCreateDto {
  @ApiProperty({ example: '组织开展危化品企业特殊作业专项检查' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  item: string;

  @ApiProperty({ example: '安全生产监督管理科', description: 'The department answerable' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  department: string;

  @ApiPropertyOptional({ nullable: true, description: "The person answerable, from the zone's directory" })
  @IsOptional()
  @IsUUID()
  responsibleContactId?: string | null;

  @ApiProperty({ example: '2031-04-30' })
  @IsCalendarDate()
  deadline: string;
}

export class DecisionActionDto {
  @ApiProperty({ enum: DECISION_ACTIONS })
  @IsIn(DECISION_ACTIONS)
  action: DecisionAction;

  @ApiPropertyOptional({
    example: '已完成 6 家企业检查，发现隐患 14 项',
    description: 'Progress, the evidence it is done, or why it is sent back (required but for verify)',
  })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded evidence' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  fileIds?: string[];
}

export class DecisionQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'overdue', 'closed', 'all'], description: 'Default: open' })
  @IsOmittable()
  @IsIn(['open', 'overdue', 'closed', 'all'])
  state?: 'open' | 'overdue' | 'closed' | 'all';

  @ApiPropertyOptional({ example: '安全生产监督管理科' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  department?: string;
}

export class MeetingListQueryDto extends PageQueryDto {}

// ---------------------------------------------------------------------------------------------
// Enterprises' safety organisation

export class EngineerDto {
  @ApiProperty({ example: '0034201900123', description: 'Registration certificate number' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  certificateNo: string;

  @ApiProperty({ enum: ENGINEER_SPECIALTIES })
  @IsIn(ENGINEER_SPECIALTIES)
  specialty: EngineerSpecialty;

  @ApiProperty({ enum: ENGINEER_LEVELS })
  @IsIn(ENGINEER_LEVELS)
  level: EngineerLevel;
}

export class SafetyManagerDto {
  @ApiProperty({ description: "A person of the enterprise's directory" })
  @IsUUID()
  contactId: string;

  @ApiProperty({ enum: SAFETY_MANAGER_KINDS })
  @IsIn(SAFETY_MANAGER_KINDS)
  kind: SafetyManagerKind;

  @ApiPropertyOptional({ type: EngineerDto, nullable: true, description: 'If a registered safety engineer' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EngineerDto)
  engineer?: EngineerDto | null;
}

export class SafetyOrgDto {
  @ApiPropertyOptional({
    enum: SAFETY_ORG_INDUSTRIES,
    nullable: true,
    description: "Art. 24's group; null: as the enterprise's recorded categories suggest",
  })
  @IsOptional()
  @IsIn(SAFETY_ORG_INDUSTRIES)
  industry?: SafetyOrgIndustry | null;

  @ApiProperty({ nullable: true, example: 320, description: 'Employees (从业人员)' })
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  headcount: number | null;

  @ApiProperty({ description: 'Whether a safety office (安全生产管理机构) is set up' })
  @IsBoolean()
  hasOffice: boolean;

  @ApiPropertyOptional({ example: '安全环保部' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  officeName?: string;

  @ApiProperty({ type: [SafetyManagerDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SafetyManagerDto)
  managers: SafetyManagerDto[];
}

export class SafetyOrgQueryDto {
  @ApiPropertyOptional({ description: 'Only enterprises flagged (any problem)' })
  @IsOmittable()
  @Transform(toBoolean)
  @IsBoolean()
  flagged?: boolean;

  @ApiPropertyOptional({ enum: SAFETY_ORG_PROBLEMS, description: 'Only enterprises with this problem' })
  @IsOmittable()
  @IsIn(SAFETY_ORG_PROBLEMS)
  problem?: SafetyOrgProblem;
}
