import { useMutation } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { TypedRoomEvent } from '../../contracts';
import { postRoomMessage } from '../api';
import { useRecordText } from '../timeline-text';
import { useZoneTime } from '../ui';

/** The room's log, newest last, and the message composer. */
export function Timeline({
  incidentId,
  events,
  joined,
}: {
  incidentId: string;
  events: TypedRoomEvent[];
  joined: boolean;
}) {
  const { t } = useTranslation();
  const words = useRecordText();
  const zoneTime = useZoneTime();
  const listRef = useRef<HTMLOListElement>(null);
  const stickToBottom = useRef(true);
  const userScrolled = useRef(false);
  const [text, setText] = useState('');
  const inputId = useId();

  const send = useMutation({
    mutationFn: (message: string) => postRoomMessage(incidentId, message),
    onSuccess: () => setText(''),
  });

  // Follow new entries while the reader is at the bottom; leave them alone when they scrolled up.
  // Before paint, so the list never shows a frame with the newest entry cut off.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current) list.scrollTop = list.scrollHeight;
  }, [events]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || send.isPending) return;
    send.mutate(message);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <section className="room-panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="room-panel__title">
        {t('incidents.timeline.title')}
      </h2>
      <ol
        ref={listRef}
        className="timeline__list"
        data-testid="timeline"
        tabIndex={0}
        aria-live="polite"
        aria-busy={!joined}
        onWheel={() => (userScrolled.current = true)}
        onTouchMove={() => (userScrolled.current = true)}
        onKeyDown={() => (userScrolled.current = true)}
        onScroll={(e) => {
          // Only the reader's own scrolling decides; the list's own following must not.
          if (!userScrolled.current) return;
          userScrolled.current = false;
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {joined && events.length === 0 && (
          <li className="timeline__empty">{t('incidents.timeline.empty')}</li>
        )}
        {events.map((e) => (
          <li
            key={e.seq}
            className={`timeline__entry timeline__entry--${e.type.replace(/[._]/g, '-')}`}
            data-seq={e.seq}
            data-type={e.type}
          >
            <div className="timeline__meta">
              <time dateTime={e.at}>{zoneTime(e.at)}</time>
              <span className="timeline__actor">
                {words.actor(e.actor)}
                <span className="timeline__role">{words.role(e.actor?.role)}</span>
              </span>
            </div>
            <p className="timeline__text">{words.event(e)}</p>
          </li>
        ))}
      </ol>
      <form className="composer" onSubmit={submit}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('incidents.timeline.message')}
        </label>
        <textarea
          id={inputId}
          rows={2}
          maxLength={2000}
          value={text}
          placeholder={t('incidents.timeline.messagePlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="message-input"
        />
        <button type="submit" className="button button--primary" disabled={!text.trim() || send.isPending}>
          {send.isPending ? t('incidents.timeline.sending') : t('incidents.timeline.send')}
        </button>
        {send.isError && <ErrorNotice error={send.error} compact />}
      </form>
    </section>
  );
}
