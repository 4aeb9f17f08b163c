import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsCalendarDate, IsOmittable, trim } from '../common/validation.js';

/** Trims each string of an array field; anything else passes unchanged for the validators to refuse. */
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class HoldersDto {
  @ApiProperty({ type: [String], description: 'Directory contacts of the enterprise who hold the post' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  contactIds: string[];
}

export class StatementPublishDto {
  @ApiProperty({ example: 2031, description: 'The year the targets are for' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: '岗位安全生产责任书' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title?: string;

  @ApiProperty({ type: [String], description: 'The statement’s clauses (what the holder undertakes)' })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  clauses: string[];

  @ApiProperty({ type: [String], description: 'The year’s safety targets' })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  targets: string[];
}

export class LinkSignDto {
  @ApiProperty({ description: 'The version the page showed: a newer one must be read before it is signed' })
  @IsUUID()
  versionId: string;

  @ApiProperty({ example: '王建国', description: 'The signer’s name as the directory has it' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiProperty({ example: '0042', description: 'The last 4 digits of the signer’s phone number' })
  @Transform(trim)
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be the last 4 digits of the phone number' })
  phoneLast4: string;
}

export class DutyRecordCreateDto {
  @ApiProperty({ description: 'Who carried the duty out: a holder of the post' })
  @IsUUID()
  contactId: string;

  @ApiProperty({ example: '2031-03-15' })
  @IsCalendarDate()
  doneOn: string;

  @ApiProperty({ description: 'The duty of the post it carries out, as the list words it' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  duty: string;

  @ApiProperty({ example: '组织二车间节前安全检查，发现隐患3处，已全部整改' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded evidence (minutes, photos, sign-in sheets)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  fileIds?: string[];
}

export class DutyRecordQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsUUID()
  postId?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsUUID()
  contactId?: string;
}
