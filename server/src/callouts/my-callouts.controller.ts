import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type MyCalloutList, type MyCalloutView, ROLES } from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { MyCalloutsQueryDto, RespondDto } from './callout.dto.js';
import { MyCalloutsService } from './my-callouts.service.js';

/**
 * The signed-in person's own call-outs. Open to every role, since anyone in the directory may be
 * paged, and each sees and answers only the rows that name a contact linked to their account.
 */
@ApiTags('call-outs')
@ApiBearerAuth()
@Controller('api/me/callouts')
export class MyCalloutsController {
  constructor(private readonly mine: MyCalloutsService) {}

  @ApiDoc('My call-outs: those still open for my answer, or those that ended (scope=recent)', 400, 401)
  @Get()
  @Roles(...ROLES)
  list(@Query() q: MyCalloutsQueryDto): Promise<MyCalloutList> {
    return this.mine.list(q.scope, q);
  }

  @ApiDoc('Accept or decline one of my call-outs from the console', 400, 401, 404, 409, 413)
  @Post(':id/answer')
  @HttpCode(200)
  @Roles(...ROLES)
  answer(@UuidParam() id: string, @Body() dto: RespondDto): Promise<MyCalloutView> {
    return this.mine.answer(id, dto.decision, dto.location);
  }
}
