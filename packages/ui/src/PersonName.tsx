import { useT } from './i18n.ts';

/** Who did something, as the core's answers name them (`by`, `submittedBy`, `actor` …). */
export interface PersonRef {
  username: string;
  fullName: string;
  title: string | null;
  unitName: string | null;
}

/**
 * "Nguyễn Văn An, Trưởng phòng Nội vụ, Quận Ba Đình": name, title and unit, those given (the text of
 * {@link PersonName}, for sentences); '' for no person.
 */
export function personLabel(person: Pick<PersonRef, 'fullName' | 'title' | 'unitName'> | null | undefined): string {
  if (!person) return '';
  return [person.fullName, person.title, person.unitName].filter((part) => !!part?.trim()).join(', ');
}

/**
 * A person in a history, a trail or a notice: full name, title and unit on one line, the name
 * stressed. No person (a step the system took by itself) reads "Hệ thống" / "System".
 */
export function PersonName({ person, className }: { person: PersonRef | null | undefined; className?: string }) {
  const t = useT('common');
  if (!person) return <span className={['dondoc-person', className].filter(Boolean).join(' ')}>{t('person.system')}</span>;
  const rest = [person.title, person.unitName].filter((part) => !!part?.trim()).join(', ');
  return (
    <span className={['dondoc-person', className].filter(Boolean).join(' ')}>
      <span className="dondoc-person-name">{person.fullName}</span>
      {rest ? <span className="dondoc-person-rest">, {rest}</span> : null}
    </span>
  );
}
