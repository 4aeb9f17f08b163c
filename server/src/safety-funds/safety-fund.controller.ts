import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  RecordLanguage,
  SafetyFundLedgerView,
  SafetyFundSpendView,
  SafetyFundYearView,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { RecordLang } from '../common/record-language.js';
import { CONTENT_TYPES } from '../common/tabular.js';
import { UuidParam } from '../common/uuid-param.js';
import { FUND_READERS, FUND_WRITERS } from './safety-funds.access.js';
import { FundYearDto, SpendCreateDto, YearQueryDto } from './safety-fund.dto.js';
import { SafetyFundService } from './safety-fund.service.js';

@ApiTags('safety-funds')
@ApiBearerAuth()
@Controller('api/safety-funds')
export class SafetyFundController {
  constructor(private readonly funds: SafetyFundService) {}

  @ApiDoc(
    'Per enterprise: required, set aside, spent, balance, and the below-requirement flag',
    400,
    401,
    403,
  )
  @Get()
  @Roles(...FUND_READERS)
  table(@Query() q: YearQueryDto): Promise<SafetyFundYearView[]> {
    return this.funds.table(q.year);
  }

  @ApiDoc('The zone table as XLSX', 400, 401, 403)
  @Get('export')
  @Roles(...FUND_READERS)
  @ApiProduces(CONTENT_TYPES.xlsx)
  async export(
    @Query() q: YearQueryDto,
    @RecordLang() lang: RecordLanguage,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const year = q.year ?? this.funds.thisYear();
    res.setHeader('Content-Type', CONTENT_TYPES.xlsx);
    res.setHeader('Content-Disposition', `attachment; filename="safety-funds-${year}.xlsx"`);
    return new StreamableFile(await this.funds.exportXlsx(year, lang));
  }

  @ApiDoc("An enterprise's year and its spending", 400, 401, 403, 404)
  @Get('enterprises/:id')
  @Roles(...FUND_READERS)
  ledger(@UuidParam() id: string, @Query() q: YearQueryDto): Promise<SafetyFundLedgerView> {
    return this.funds.ledger(id, q.year);
  }

  @ApiDoc(
    "Report an enterprise's industry, prior-year revenue and amount set aside for a year",
    400,
    401,
    403,
    404,
    413,
  )
  @Put('enterprises/:id')
  @Roles(...FUND_WRITERS)
  setYear(
    @UuidParam() id: string,
    @Query() q: YearQueryDto,
    @Body() dto: FundYearDto,
  ): Promise<SafetyFundYearView> {
    return this.funds.setYear(id, q.year ?? this.funds.thisYear(), dto);
  }

  @ApiDoc('Record a payment out of the safety funds, with its use and receipts', 400, 401, 403, 404, 413)
  @Post('spends')
  @Roles(...FUND_WRITERS)
  addSpend(@Body() dto: SpendCreateDto): Promise<SafetyFundSpendView> {
    return this.funds.addSpend(dto);
  }

  @ApiDoc('Delete a spending record', 400, 401, 403, 404)
  @Delete('spends/:id')
  @Roles(...FUND_WRITERS)
  @HttpCode(204)
  async removeSpend(@UuidParam() id: string): Promise<void> {
    await this.funds.removeSpend(id);
  }
}
