import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RESPONSIBILITY_KINDS, type ResponsibilityKind } from '@muster/contracts';
import { trim, trimAll } from './text-transforms.js';

export class ResponsibilityEntryDto {
  @ApiProperty({ enum: RESPONSIBILITY_KINDS })
  @IsIn(RESPONSIBILITY_KINDS)
  kind: ResponsibilityKind;

  @ApiProperty({ example: '安全环保部' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unit: string;

  @ApiPropertyOptional({ nullable: true, example: '部长' })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  post?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Who holds the post now' })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  holder?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Industries a zone department supervises' })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  industries?: string[];

  @ApiProperty({ type: [String] })
  @Transform(trimAll)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  duties: string[];
}

export class ResponsibilityListDto {
  @ApiProperty({ type: [ResponsibilityEntryDto], description: 'The whole list, in order' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ResponsibilityEntryDto)
  entries: ResponsibilityEntryDto[];
}
