import type { CorpusCase } from '../harness.ts'
import { accessCases } from './access.ts'
import { backupCases } from './backups.ts'
import { csvCases } from './csv.ts'
import { frameCases } from './frames.ts'
import { icsCases } from './ics.ts'
import { inviteCases } from './invites.ts'
import { ipcCases } from './ipc.ts'
import { journalCases } from './journals.ts'
import { peerRecordCases } from './peerRecords.ts'
import { profileCases } from './profiles.ts'
import { relayFrameCases } from './relayFrames.ts'

/** Every case of the malformed-input corpus, by parser. */
export const CORPUS: readonly CorpusCase[] = [
  ...inviteCases,
  ...profileCases,
  ...journalCases,
  ...csvCases,
  ...icsCases,
  ...ipcCases,
  ...peerRecordCases,
  ...frameCases,
  ...relayFrameCases,
  ...backupCases,
  ...accessCases
]
