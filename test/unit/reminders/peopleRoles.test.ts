import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { initSpaceDoc } from '@core/spaces/spaceDoc.ts'
import type { ServiceContext } from '@core/sync/services.ts'
import { setUpDefaultCadence } from '../../../renderer/src/features/sprint/store/cadenceStore.ts'
import { PEOPLE } from '../../../renderer/src/features/sprint/store/collections.ts'
import { collectService } from '../../../renderer/src/features/reminders/store/services.ts'
import { SpaceParts } from '../../../renderer/src/features/reminders/store/parts.ts'
import { person, useNoSignerBetweenTests, writeSealedElsewhere } from '../fixtures/people.ts'
import { at } from './fixtures.ts'

/**
 * A member's team settings are sealed (issue 10 #15): a peer reads them once the seal is checked,
 * with no update of the document after the one that brought them — the reminders' collector reads
 * them again then (watchPeopleRoles).
 */
const NOW = at('2026-03-23T08:00:00Z')
useNoSignerBetweenTests()

describe('reminders.collect and sealed team settings', () => {
  it("reads Pia's observer mark, sealed on her other device, once its seal is checked", async () => {
    const pia = person()
    const doc = new Y.Doc()
    initSpaceDoc(doc, { name: 'Alpha', kind: 'team', createdBy: pia.deviceId, now: NOW })
    setUpDefaultCadence(doc, '2026-03-23', 'Europe/Berlin')
    const parts = new SpaceParts()
    const ctx: ServiceContext = {
      space: { id: 'alphaSpace', kind: 'team' },
      root: doc,
      rootOf: () => null,
      retain: async () => new Y.Doc(),
      release: () => {},
      onSpacesChanged: () => () => {},
      whenChanged: (list, f) => {
        f()
        for (const d of list) d.on('update', f)
        return () => list.forEach((d) => d.off('update', f))
      }
    }
    const stop = collectService(parts).start(ctx)
    writeSealedElsewhere(doc, pia, PEOPLE as never, pia.deviceId, { memberId: pia.deviceId, role: 'team-lead', observer: true, workStart: '09:00', workEnd: '17:00' })
    const people = () => {
      const part = parts.list()[0]
      return part?.kind === 'team' ? part.people : null
    }
    expect(people()).toEqual({}) // being checked
    // (seal checks run in the background on WebCrypto: wait for what they lead to, not for a time)
    await vi.waitFor(() => expect(people()).toEqual({ [pia.deviceId]: { role: 'team-lead', observer: true } }))
    stop()
  })
})
