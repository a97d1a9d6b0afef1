import { FilePlus2, FolderOpen, Radio, Sparkles, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { RecentWorkspace } from '@shared/host/channels';
import { TEMPLATES } from '@shared/templates/templates';
import { newFromTemplate, newWorkspace, openPath, openSample, openWithDialog } from '../commands/file-commands';
import { forgetRecentWorkspace, listRecentWorkspaces } from '../commands/host-commands';
import { showLiveDialog } from '../dialogs/LiveSessionDialog';
import { ResumeLiveSection } from '../live/ResumeLiveSection';
import { RecoverySection } from './RecoverySection';

/** Shown when no workspace is open: New, Open, the sample workshop and recent workspaces. */
export function StartView() {
  const [recent, setRecent] = useState<RecentWorkspace[] | null>(null);

  useEffect(() => {
    let live = true;
    void listRecentWorkspaces().then((list) => live && setRecent(list));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="start-view">
      <div className="start-view__card">
        <h1 className="start-view__title">Stakemap</h1>
        <p className="start-view__tagline">
          Map the teams and outside parties your social team works with, mark the relationships that hurt, and keep the workshop's pain points and
          ideas in one file.
        </p>
        <div className="start-view__actions">
          <button type="button" className="button button--primary button--large" onClick={() => void newWorkspace()}>
            <FilePlus2 size={18} aria-hidden="true" /> New workspace
          </button>
          <button type="button" className="button button--large" onClick={() => void openWithDialog()}>
            <FolderOpen size={18} aria-hidden="true" /> Open…
          </button>
          <button type="button" className="button button--large" onClick={() => void openSample()}>
            <Sparkles size={18} aria-hidden="true" /> Open the sample workshop
          </button>
          <button type="button" className="button button--large" onClick={() => showLiveDialog('join')}>
            <Radio size={18} aria-hidden="true" /> Join live session…
          </button>
        </div>
        <ResumeLiveSection />
        <section className="start-view__templates" aria-labelledby="templates-heading">
          <h2 id="templates-heading">New from template</h2>
          <ul className="template-list">
            {TEMPLATES.map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  className="template-list__item"
                  aria-describedby={`template-${template.id}`}
                  onClick={() => void newFromTemplate(template.id)}
                >
                  <span className="template-list__name">{template.name}</span>
                  <span className="template-list__description" id={`template-${template.id}`}>
                    {template.description}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <RecoverySection />
        <section className="start-view__recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent workspaces</h2>
          {recent === null ? null : recent.length === 0 ? (
            <p className="hint">No recent workspaces yet. Workspaces you open or save appear here.</p>
          ) : (
            <ul className="recent-list">
              {recent.map((entry) => (
                <li key={entry.filePath} className="recent-list__item">
                  <button type="button" className="recent-list__open" onClick={() => void openPath(entry.filePath)} aria-label={`Open ${entry.fileName}`}>
                    <span className="recent-list__name">{entry.fileName}</span>
                    <span className="recent-list__path">{entry.filePath}</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${entry.fileName} from recent workspaces`}
                    title="Remove from this list (the file is not deleted)"
                    onClick={() => void forgetRecentWorkspace(entry.filePath).then(setRecent)}
                  >
                    <X size={16} aria-hidden="true" />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}
