import { useTranslation } from 'react-i18next';
import {
  actorText,
  auditActionText,
  auditEntityText,
  describeRoomEvent,
  enumText,
  recordLanguage,
  type EnumTextKind,
  type RoomActor,
  type TypedRoomEvent,
} from '../contracts';

/**
 * The console's words for records, in the interface language: room events, who did them and
 * enum values, from the one source the server's records use too (`record-text` in the
 * contracts), so a timeline, a print and the server's report and export say the same thing.
 */
export function useRecordText() {
  const { i18n } = useTranslation();
  const lang = recordLanguage(i18n.language);
  return {
    lang,
    event: (e: TypedRoomEvent) => describeRoomEvent(e, lang),
    /** A person by name, the system by what it was doing. */
    actor: (a: Pick<RoomActor, 'name' | 'role'> | undefined) => (a ? actorText(a, lang) : ''),
    /** The actor's role in words (the system is its own role). */
    role: (role: string | undefined) => (role ? enumText('role', role, lang) : ''),
    word: <K extends EnumTextKind>(kind: K, value: Parameters<typeof enumText<K>>[1]) =>
      enumText(kind, value, lang),
    auditAction: (action: string) => auditActionText(action, lang),
    auditEntity: (entity: string) => auditEntityText(entity, lang),
  };
}
