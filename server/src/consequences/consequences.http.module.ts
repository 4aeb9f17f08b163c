import { Module } from '@nestjs/common';
import { ConsequencesController } from './consequences.controller.js';
import { ConsequencesModule } from './consequences.module.js';

/** The HTTP front of ConsequencesModule. */
@Module({
  imports: [ConsequencesModule],
  controllers: [ConsequencesController],
})
export class ConsequencesHttpModule {}
