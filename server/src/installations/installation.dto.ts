import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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
  GB18218_CATEGORY_CODES,
  GB18218_SUBSTANCE_KEYS,
  type Gb18218Category,
  type Gb18218Substance,
  INSTALLATION_KINDS,
  type InstallationKind,
} from '@muster/contracts';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';
import { PageQueryDto } from '../common/paging.dto.js';
import { IsOmittable, trim } from '../common/validation.js';

export class InstallationChemicalDto {
  @ApiPropertyOptional({
    enum: GB18218_SUBSTANCE_KEYS,
    nullable: true,
    description: 'A substance named in GB 18218-2018 Table 1; null for one identified by its category',
  })
  @IsOptional()
  @IsIn(GB18218_SUBSTANCE_KEYS)
  substance: Gb18218Substance | null = null;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;

  @ApiProperty({ enum: GB18218_CATEGORY_CODES, description: 'Hazard category (Table 2)' })
  @IsIn(GB18218_CATEGORY_CODES)
  category: Gb18218Category;

  @ApiProperty({ minimum: 0, description: 'Maximum quantity present in the unit, t' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000_000)
  maxQuantityT: number;
}

export class ResponsiblePersonDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;

  @ApiProperty() @Transform(trim) @IsString() @Matches(/^\+?[0-9 -]{5,20}$/) phone: string;
}

export class ResponsibleDto {
  @ApiPropertyOptional({ type: ResponsiblePersonDto, nullable: true, description: '主要负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  principal: ResponsiblePersonDto | null = null;

  @ApiPropertyOptional({ type: ResponsiblePersonDto, nullable: true, description: '技术负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  technical: ResponsiblePersonDto | null = null;

  @ApiPropertyOptional({ type: ResponsiblePersonDto, nullable: true, description: '操作负责人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  operational: ResponsiblePersonDto | null = null;
}

export class InstallationCreateDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Zone roles; enterprise officers register their own' })
  @IsOmittable()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ example: 'CL2-TK01' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  code: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiProperty({ enum: INSTALLATION_KINDS }) @IsIn(INSTALLATION_KINDS) kind: InstallationKind;

  @ApiPropertyOptional({ type: GeoPointDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto | null = null;

  @ApiProperty({ minimum: 0, description: 'People normally present within 500 m outside the plant boundary' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  peopleExposed: number;

  @ApiProperty({ type: [InstallationChemicalDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InstallationChemicalDto)
  chemicals: InstallationChemicalDto[];

  @ApiPropertyOptional({ type: ResponsibleDto, description: 'Left out: none named yet' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ResponsibleDto)
  responsible?: ResponsibleDto;
}

export class InstallationUpdateDto extends PartialType(InstallationCreateDto, {
  skipNullProperties: false,
}) {}

export class InstallationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() enterpriseId?: string;

  @ApiPropertyOptional({ description: 'Only major hazard installations (graded)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  majorOnly?: boolean;
}
