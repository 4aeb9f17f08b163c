import { Global, Injectable, Module } from '@nestjs/common';

/**
 * "Now", injectable: deadline scans, overdue flags and statistics read the time from here, so
 * a test can run them at a chosen instant (say, one second before midnight in Asia/Shanghai).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** One clock for the whole process, so a test that moves it moves it everywhere. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
