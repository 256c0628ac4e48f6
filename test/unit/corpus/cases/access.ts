import assert from 'node:assert/strict'
import { kase, type CorpusCase } from '../harness.ts'
import { newBoxKeyPair, sealTo } from '@shared/spaces/seal.ts'

/**
 * What a careless or hostile org or space member writes about access (issue 10 #19): requests to
 * join a team (shared/spaces/joinRequest.ts), key rotation records (shared/spaces/rotation.ts) and
 * sealed boxes (shared/spaces/seal.ts). Each is refused with a message or read as a safe value;
 * a box that is not for this device opens to nothing.
 */
const mine = newBoxKeyPair()
const other = newBoxKeyPair()
const request = { teamId: 'team-1', memberId: 'm1', name: 'Bruce', boxKey: mine.publicKey, askedAt: 1 }
const rekey = { epoch: 2, id: 'r1', removed: 'm3', by: 'm1', at: 1, boxes: { [mine.publicKey]: sealTo(mine.publicKey, 'k', 'c') } }
const box = sealTo(mine.publicKey, 'the key', 'ctx')
const isNull = (v: unknown) => assert.equal(v, null)

export const accessCases: CorpusCase[] = [
  kase('accessRecord', 'an honest request to join', { kind: 'joinRequest', record: request }, 'value', (v: { name: string }) => assert.equal(v.name, 'Bruce')),
  kase('accessRecord', 'a request with a box key that is no key', { kind: 'joinRequest', record: { ...request, boxKey: 'not-a-key' } }, 'refused'),
  kase('accessRecord', 'a request without a team', { kind: 'joinRequest', record: { ...request, teamId: '' } }, 'refused'),
  kase('accessRecord', 'a request with a 1 MB name reads with no name', { kind: 'joinRequest', record: { ...request, name: 'x'.repeat(1 << 20) } }, 'value', (v: { name: string }) =>
    assert.equal(v.name, '')
  ),
  kase('accessRecord', 'a request whose answer is 1 MB reads unanswered', { kind: 'joinRequest', record: { ...request, answer: 'sb1.' + 'A'.repeat(1 << 20) } }, 'value', (v: { answer?: string }) =>
    assert.equal(v.answer, undefined)
  ),
  kase('accessRecord', 'a request that is an array', { kind: 'joinRequest', record: [request] }, 'refused'),
  kase('accessRecord', 'an honest rotation record', { kind: 'rekey', record: rekey }, 'value', (v: { epoch: number }) => assert.equal(v.epoch, 2)),
  kase('accessRecord', 'a rotation to epoch 0', { kind: 'rekey', record: { ...rekey, epoch: 0 } }, 'refused'),
  kase('accessRecord', 'a rotation to a fractional epoch', { kind: 'rekey', record: { ...rekey, epoch: 1.5 } }, 'refused'),
  kase('accessRecord', 'a rotation with 10 000 boxes', { kind: 'rekey', record: { ...rekey, boxes: Object.fromEntries(Array.from({ length: 10_000 }, () => [newBoxKeyPair().publicKey, 'sb1.x'])) } }, 'refused'),
  kase('accessRecord', 'a rotation whose boxes are under junk keys', { kind: 'rekey', record: { ...rekey, boxes: { __proto__: 'x', 'not a key': 'sb1.x' } } }, 'refused'),
  kase('accessRecord', 'a box for this device', { kind: 'box', box, keys: mine, context: 'ctx' }, 'value', (v: string) => assert.equal(v, 'the key')),
  kase('accessRecord', 'a box for another device', { kind: 'box', box, keys: other, context: 'ctx' }, 'value', isNull),
  kase('accessRecord', 'a box moved to another request', { kind: 'box', box, keys: mine, context: 'another' }, 'value', isNull),
  kase('accessRecord', 'a box cut short', { kind: 'box', box: box.slice(0, 30), keys: mine, context: 'ctx' }, 'value', isNull),
  kase('accessRecord', 'a box that is not base64', { kind: 'box', box: 'sb1.%%%%', keys: mine, context: 'ctx' }, 'value', isNull),
  kase('accessRecord', 'a box that is an object', { kind: 'box', box: { toString: () => box }, keys: mine, context: 'ctx' }, 'value', isNull),
  kase('accessRecord', 'a 1 MB box', { kind: 'box', box: 'sb1.' + 'A'.repeat(1 << 20), keys: mine, context: 'ctx' }, 'value', isNull)
]
