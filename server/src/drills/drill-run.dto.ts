import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { RUN_STATUSES, type RunStatus } from '@muster/contracts';

export class RunCreateDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() scenarioId: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) scheduledFor: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the caller' })
  @IsOptional()
  @IsUUID()
  directorId?: string;
  @ApiProperty({ type: [String], description: 'People on the roster: only they can be paged' })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  contactIds: string[] = [];
  @ApiPropertyOptional({ type: [String], description: "Teams on the roster (default: the scenario's)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds?: string[];
  @ApiProperty({ type: [String], description: 'Users who evaluate the run' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evaluatorIds: string[] = [];
}

export class RosterDto {
  @ApiProperty({ type: [String], description: 'People on the roster: only they can be paged' })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  contactIds: string[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds: string[];
  @ApiProperty({ type: [String], description: 'Users who evaluate the run' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evaluatorIds: string[];
}

export class RunListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RUN_STATUSES }) @IsOptional() @IsIn(RUN_STATUSES) status?: RunStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'The run whose room is this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}

export class ScenarioListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** MEM Order 2 Art. 33: a listed unit reports each drill to the competent department. */
export class DepartmentReportDto {
  @ApiProperty({ format: 'date-time', description: 'When the drill was reported' })
  @IsISO8601({ strict: true })
  reportedAt: string;

  @ApiProperty({ description: 'The competent department it was reported to', example: '淮北市应急管理局' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  department: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The report as sent (an uploaded file)',
  })
  @IsOptional()
  @IsUUID()
  fileId?: string | null;
}
