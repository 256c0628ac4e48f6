/** Who I am on this device: the first-run screen and the form that edits name, zone and colour. */
export { FirstRun } from './FirstRun.tsx'
export { IdentityForm } from './IdentityForm.tsx'
