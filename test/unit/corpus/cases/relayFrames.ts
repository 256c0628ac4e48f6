import assert from 'node:assert/strict'
import { kase, type CorpusCase } from '../harness.ts'

/** What a client may send the relay, and what a relay may send a client (shared/relay/protocol.ts). */
const ROOM = 'tr-' + 'ab'.repeat(32)
const V = 'A'.repeat(43)
const P = 'B'.repeat(85) + 'A'
const t = (type: string) => (v: { t: string }) => assert.equal(v.t, type)

export const relayFrameCases: CorpusCase[] = [
  kase('relayClientFrame', 'an honest join', JSON.stringify({ t: 'join', room: ROOM, verifier: V, proof: P, since: null }), 'value', t('join')),
  kase('relayClientFrame', 'a join with a cursor', JSON.stringify({ t: 'join', room: ROOM, verifier: V, proof: P, since: '17-0' }), 'value', t('join')),
  kase('relayClientFrame', 'an update', '{"t":"up","data":"AQIDBAUG"}', 'value', t('up')),
  kase('relayClientFrame', 'a snapshot', '{"t":"snap","covers":"1700000000000-3","data":"AQID"}', 'value', t('snap')),
  kase('relayClientFrame', 'a ping', '{"t":"ping"}', 'value', t('ping')),
  kase('relayClientFrame', 'empty', '', 'refused'),
  kase('relayClientFrame', 'not JSON', 'hello', 'refused'),
  kase('relayClientFrame', 'an array', '[{"t":"ping"}]', 'refused'),
  kase('relayClientFrame', 'null', 'null', 'refused'),
  kase('relayClientFrame', 'a number type', '{"t":1}', 'refused'),
  kase('relayClientFrame', 'an unknown type', '{"t":"delete-room"}', 'refused'),
  kase('relayClientFrame', 'nested (only flat frames)', '{"t":"up","data":{"x":1}}', 'refused'),
  kase('relayClientFrame', 'nested 10 000 deep', `{"t":"up","data":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'refused'),
  kase('relayClientFrame', 'a room id that is not a hash', JSON.stringify({ t: 'join', room: 'tandem-room', verifier: V, proof: P, since: null }), 'refused'),
  kase('relayClientFrame', 'a room id with upper case', JSON.stringify({ t: 'join', room: ROOM.toUpperCase(), verifier: V, proof: P, since: null }), 'refused'),
  kase('relayClientFrame', 'a verifier that is not base64url', JSON.stringify({ t: 'join', room: ROOM, verifier: 'a+b/c=', proof: P, since: null }), 'refused'),
  kase('relayClientFrame', 'a 1 KB proof', JSON.stringify({ t: 'join', room: ROOM, verifier: V, proof: 'A'.repeat(1024), since: null }), 'refused'),
  kase('relayClientFrame', 'a cursor that is text', JSON.stringify({ t: 'join', room: ROOM, verifier: V, proof: P, since: 'latest' }), 'refused'),
  kase('relayClientFrame', 'a cursor with 40 digits', JSON.stringify({ t: 'join', room: ROOM, verifier: V, proof: P, since: '9'.repeat(40) + '-0' }), 'refused'),
  kase('relayClientFrame', 'a missing cursor', JSON.stringify({ t: 'join', room: ROOM, verifier: V, proof: P }), 'refused'),
  kase('relayClientFrame', 'update data empty', '{"t":"up","data":""}', 'refused'),
  kase('relayClientFrame', 'update data with padding', '{"t":"up","data":"AQI="}', 'refused'),
  kase('relayClientFrame', 'update data of one character (no whole byte)', '{"t":"up","data":"A"}', 'refused'),
  kase('relayClientFrame', 'update data over the bound', () => `{"t":"up","data":"${'A'.repeat(64 * 1024 + 4)}"}`, 'refused'),
  kase('relayClientFrame', 'a snapshot without covers', '{"t":"snap","data":"AQID"}', 'refused'),
  kase('relayClientFrame', 'a snapshot covering a negative position', '{"t":"snap","covers":"-1-0","data":"AQID"}', 'refused'),
  kase('relayClientFrame', 'a __proto__ key', '{"t":"up","__proto__":{"data":"AQID"}}', 'refused'),
  kase('relayClientFrame', 'a duplicate type key', '{"t":"ping","t":"up"}', 'refused'),
  kase('relayClientFrame', 'brackets inside a string do not count as nesting', `{"t":"ping","x":"${'['.repeat(100)}"}`, 'value', t('ping')),
  kase('relayClientFrame', 'a presence in the motion lane, hot', '{"t":"aw","data":"AQID","lane":"m","hot":true}', 'value', (v: { lane: string; hot: boolean }) =>
    assert.ok(v.lane === 'm' && v.hot === true)
  ),
  kase('relayClientFrame', 'a presence without a lane is base, not hot', '{"t":"aw","data":"AQID"}', 'value', (v: { lane: string; hot: boolean }) =>
    assert.ok(v.lane === 'b' && v.hot === false)
  ),
  kase('relayClientFrame', 'a presence in an unknown lane', '{"t":"aw","data":"AQID","lane":"x"}', 'refused'),
  kase('relayClientFrame', 'a watch', '{"t":"watch","motion":true}', 'value', t('watch')),
  kase('relayClientFrame', 'a watch with text for motion', '{"t":"watch","motion":"yes"}', 'refused'),
  kase('relayFrame', 'presence items and a count', '{"t":"aws","items":"abc.b.AQID,def.g.","here":2}', 'value', t('aws')),
  kase('relayFrame', 'presence with a negative count', '{"t":"aws","items":"","here":-1}', 'refused'),
  kase('relayFrame', 'presence with items that are not text', '{"t":"aws","items":[1],"here":1}', 'refused'),
  kase('relayFrame', 'a challenge', '{"t":"challenge","nonce":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA"}', 'value', t('challenge')),
  kase('relayFrame', 'an update with its position', '{"t":"up","seq":"3-0","data":"AQID"}', 'value', t('up')),
  kase('relayFrame', 'an update without a position', '{"t":"up","data":"AQID"}', 'refused'),
  kase('relayFrame', 'synced with text counts', '{"t":"synced","head":"3-0","entries":"many","bytes":1}', 'refused'),
  kase('relayFrame', 'an error with a 10 KB reason, cut', () => JSON.stringify({ t: 'error', code: 'quota', reason: 'x'.repeat(10_000) }), 'value', (v: { reason: string }) =>
    assert.ok(v.reason.length <= 200)
  ),
  kase('relayFrame', 'an unknown type', '{"t":"eval","code":"alert(1)"}', 'refused')
]
