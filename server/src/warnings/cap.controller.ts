import { BadRequestException, Controller, Get, Header, Param } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { Public } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { WarningService } from './warning.service.js';

/**
 * The public CAP 1.2 feed: what alerting aggregators and the public read without an account.
 * Short caching lets a burst of readers cost one render a minute, and an update still reaches
 * them within that minute.
 */
@ApiTags('cap')
@Controller('cap')
@Public()
export class CapController {
  constructor(private readonly warnings: WarningService) {}

  @ApiDoc('The Atom feed of CAP alerts, newest first')
  @Get('alerts.atom')
  @ApiProduces('application/atom+xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  feed(): Promise<string> {
    return this.warnings.capFeed();
  }

  @ApiDoc('One CAP 1.2 alert', 400, 404)
  @Get('alerts/:file')
  @ApiProduces('application/cap+xml')
  @Header('Content-Type', 'application/cap+xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  alert(@Param('file') file: string): Promise<string> {
    const id = /^(.+)\.xml$/.exec(file)?.[1];
    if (!id || !isUUID(id)) throw new BadRequestException(['file: must be an alert id followed by .xml']);
    return this.warnings.capDocument(id);
  }
}
