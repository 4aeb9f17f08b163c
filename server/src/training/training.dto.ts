import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { TRAINING_KINDS, TRAINING_ROLES, type TrainingKind, type TrainingRole } from '@muster/contracts';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, MaxDecimalPlaces, trim } from '../common/validation.js';
import { E164, toE164 } from '../directory/contact.dto.js';

/** `zone` for the zone's own, or an enterprise's id. */
const OWNER_FILTER = /^(zone|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class SessionCreateDto {
  @ApiPropertyOptional({ nullable: true, description: 'Organising enterprise; null or absent: the zone' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ enum: TRAINING_KINDS })
  @IsIn(TRAINING_KINDS)
  kind: TrainingKind;

  @ApiProperty({ example: '2031年度主要负责人安全再培训' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '园区安监局 王工' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  trainer: string;

  @ApiProperty({ example: '2031-03-15T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ example: 4, description: 'Class hours the session counts, to the tenth' })
  @IsNumber()
  @Min(0.1)
  @Max(100)
  @MaxDecimalPlaces(1)
  hours: number;

  @ApiPropertyOptional({ example: '安全生产法律法规；事故案例' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  content?: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded files (slides, handouts)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  materialFileIds?: string[];

  @ApiPropertyOptional({ description: 'The drill run a drill session was' })
  @IsOmittable()
  @IsUUID()
  drillRunId?: string;
}

/** The organiser stays as created: a session moved to another owner would move its attendance's scope. */
export class SessionUpdateDto extends PartialType(OmitType(SessionCreateDto, ['enterpriseId'] as const), {
  skipNullProperties: false,
}) {}

export class SessionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '`zone` or an enterprise id' })
  @IsOmittable()
  @Matches(OWNER_FILTER)
  enterpriseId?: string;

  @ApiPropertyOptional({ example: 2031 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class AttendanceCreateDto {
  @ApiProperty()
  @IsUUID()
  contactId: string;

  @ApiPropertyOptional({ description: "Hours it counts for this person; default the session's" })
  @IsOmittable()
  @IsNumber()
  @Min(0.1)
  @Max(100)
  @MaxDecimalPlaces(1)
  hours?: number;
}

export class SignInDto {
  @ApiProperty({ example: '+8613800000000', description: 'The number the directory lists the person at' })
  @Transform(toE164)
  @IsString()
  @Matches(E164, { message: 'phone must be a phone number' })
  phone: string;
}

export class ProfileDto {
  @ApiProperty({ enum: TRAINING_ROLES })
  @IsIn(TRAINING_ROLES)
  role: TrainingRole;

  @ApiPropertyOptional({
    nullable: true,
    example: '2031-03-01',
    description: 'The day the person took the post',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsCalendarDate()
  startedOn?: string | null;
}

export class PeopleQueryDto {
  @ApiPropertyOptional({ example: 2031 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '`zone` or an enterprise id' })
  @IsOmittable()
  @Matches(OWNER_FILTER)
  enterpriseId?: string;
}

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2031 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class LapsingQueryDto {
  @ApiPropertyOptional({ example: 90, description: 'Days ahead to look; default 90' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  days?: number;
}
