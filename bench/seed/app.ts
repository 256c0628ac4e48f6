/**
 * The app with the bench's hook (app.html): the hook is evaluated first, so it is in place before
 * the app starts its sync manager; then the app's own entry, unchanged.
 */
import './hook.ts'
import '../../renderer/src/main.tsx'
