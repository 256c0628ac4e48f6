import ICAL from 'ical.js'

/**
 * Reads an .ics text back the way a calendar client does, with ical.js as an independent parser:
 * master events are expanded with Event.iterator(), exceptions (RECURRENCE-ID) are related to
 * their master and replace the instance they name, EXDATEs drop instances.
 */
export interface ParsedOccurrence {
  uid: string
  start: string
  end: string
  /** TZID the start was resolved in ('UTC' for Z times). */
  zone: string
  summary: string
}

const MAX_INSTANCES = 5000

function iso(time: ICAL.Time): string {
  return time.toJSDate().toISOString().replace('.000Z', 'Z')
}

export function parseIcs(text: string): { calendar: ICAL.Component; occurrences: ParsedOccurrence[] } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const byUid = new Map<string, ICAL.Component[]>()
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid'))
    byUid.set(uid, [...(byUid.get(uid) ?? []), vevent])
  }
  const occurrences: ParsedOccurrence[] = []
  for (const [uid, components] of byUid) {
    const masters = components.filter((c) => !c.hasProperty('recurrence-id'))
    if (masters.length !== 1 || !masters[0]) throw new Error(`${uid}: expected one master event, got ${masters.length}`)
    // passing the exceptions explicitly stops ical.js from relating every exception of the file
    const exceptions = components.filter((c) => c.hasProperty('recurrence-id')).map((c) => new ICAL.Event(c))
    const event = new ICAL.Event(masters[0], { strictExceptions: true, exceptions })
    const push = (start: ICAL.Time, end: ICAL.Time, summary: string) =>
      occurrences.push({ uid, start: iso(start), end: iso(end), zone: start.zone?.tzid ?? 'floating', summary })
    if (!event.isRecurring()) {
      push(event.startDate, event.endDate, event.summary)
      continue
    }
    const iterator = event.iterator()
    let count = 0
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++count > MAX_INSTANCES) throw new Error(`${uid}: does not end`)
      const details = event.getOccurrenceDetails(next)
      push(details.startDate, details.endDate, details.item.summary)
    }
  }
  return { calendar, occurrences }
}
