import { useState, type FormEvent } from 'react'
import {
  addActionItem,
  addProject,
  addProjectNote,
  patchActionItem,
  patchProject,
  patchProjectNote,
  removeActionItem,
  removeProject,
  removeProjectNote,
  useProjects,
  type ProjectView
} from '../store/projects.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { DraftText } from '@ui/DraftText.tsx'
import { EditableList } from '../EditableList.tsx'
import { PairPage, type Pair } from '../pair/PairPage.tsx'

/** What the pair works on together: notes and action items with an owner. */
export function ProjectsTab(props: TabProps) {
  return <PairPage tab={props}>{(pair) => <Projects pair={pair} />}</PairPage>
}

function Projects({ pair }: { pair: Pair }) {
  const projects = useProjects(pair.journal)
  const [title, setTitle] = useState('')
  const add = (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return
    addProject(pair.journal, title.trim())
    setTitle('')
  }
  return (
    <>
      <header className="section-head">
        <div>
          <h2 className="view-title">Joint projects</h2>
          <p className="muted">Something you both want to improve, worked on together.</p>
        </div>
      </header>
      {projects.length === 0 && <p className="empty">No joint project yet. A seek-a-mentor item you share makes a good one.</p>}
      {projects.map((p) => (
        <ProjectCard key={p.id} pair={pair} project={p} />
      ))}
      {!pair.readOnly && (
        <form className="panel add-project" onSubmit={add}>
          <label className="field">
            <span className="field-label">New joint project</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Find the best way to share deeper knowledge among engineers" />
          </label>
          <div className="row end">
            <button type="submit" className="button primary" disabled={!title.trim()}>
              Add joint project
            </button>
          </div>
        </form>
      )}
    </>
  )
}

function ProjectCard({ pair, project }: { pair: Pair; project: ProjectView }) {
  const { journal, readOnly } = pair
  const open = project.actionItems.filter((a) => !a.done).length
  return (
    <article className="panel project-card" aria-label={`Joint project: ${project.title}`}>
      <DraftText label="Project title" className="project-title-input" value={project.title} readOnly={readOnly} onSave={(title) => patchProject(journal, project.id, { title })} />
      <div className="direction-lists two">
        <section aria-label="Project notes">
          <h4>Notes</h4>
          <EditableList
            label="Notes"
            items={project.notes}
            trackerBaseUrl={pair.tracker}
            readOnly={readOnly}
            addLabel="Add a note"
            placeholder="What limits exposure to other teams?"
            empty="No notes yet."
            onAdd={(text) => addProjectNote(journal, project.id, text)}
            onEdit={(id, text) => patchProjectNote(journal, id, text)}
            onRemove={(id) => removeProjectNote(journal, id)}
          />
        </section>
        <section aria-label="Action items">
          <h4>
            Action items {project.actionItems.length > 0 && <span className="muted small">— {open} open</span>}
          </h4>
          <EditableList
            label="Action items"
            items={project.actionItems}
            checkable
            trackerBaseUrl={pair.tracker}
            readOnly={readOnly}
            addLabel="Add an action item"
            placeholder="Draft a rotation proposal"
            empty="No action items yet."
            onAdd={(text) => addActionItem(journal, project.id, text, null)}
            onEdit={(id, text) => patchActionItem(journal, id, { text })}
            onToggle={(id, done) => patchActionItem(journal, id, { done })}
            onRemove={(id) => removeActionItem(journal, id)}
            extra={(item) => (
              <select
                className="owner-select"
                aria-label={`Owner of “${item.text}”`}
                value={item.owner ?? ''}
                disabled={readOnly}
                onChange={(e) => patchActionItem(journal, item.id, { owner: e.target.value || null })}
              >
                <option value="">No owner</option>
                {[...new Set([...pair.names.filter(Boolean), ...(item.owner ? [item.owner] : [])])].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          />
        </section>
      </div>
      {!readOnly && (
        <div className="row end">
          <button type="button" className="button ghost small danger-text" onClick={() => removeProject(journal, project.id)}>
            Remove project
          </button>
        </div>
      )}
    </article>
  )
}
