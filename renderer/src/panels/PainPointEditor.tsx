import { MAX_SHORT_TEXT } from '@shared/document/format';
import { ArrowDown, ArrowUp, Building2, CircleAlert, Crosshair, Lightbulb, Link2Off, Minus, Plus, Trash2, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Attachment, PainPoint, Stakeholder, WorkspaceDocument } from '@shared/document/schema';
import { attachmentKey, describeAttachment } from '@shared/domain/pain-point-index';
import { solutionsAddressing, unaddressedPainPointIds } from '@shared/domain/unaddressed';
import { votesFor } from '@shared/domain/votes';
import { edit, type EditArgs } from '../commands/edits';
import { revealOnMap } from '../commands/navigate-commands';
import { deleteItem, proposeSolution, takeFreshItem } from '../commands/pain-point-commands';
import { openItem, showCategories, showView, useDocument, useEditor } from '../store/editor-store';
import { selectVotesHidden } from '../store/voting-store';
import { EditorHeading } from './EditorHeading';
import { SOLUTION_STATUS_INFO } from './solution-status';
import { VoiceSelect } from './VoiceSelect';

/**
 * Edits one pain point: title, category, votes, description, voice, quotes (each with its voice), attachments and
 * the solutions for it.
 */
export function PainPointEditor({ id }: { id: string }) {
  const doc = useDocument();
  const painPoint = doc?.painPoints.find((p) => p.id === id);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // A pain point just created (P, "Add pain point") gets its title typed over at once.
    if (takeFreshItem(id)) {
      titleRef.current?.focus();
      titleRef.current?.select();
    }
  }, [id]);

  if (!doc || !painPoint) return null;
  const change = (patch: EditArgs<'painPoint.update'>['patch'], field: string) => edit('painPoint.update', { id, patch, field });
  const unaddressed = unaddressedPainPointIds(doc).has(id);

  return (
    <section aria-labelledby="inspector-heading" className="item-editor">
      <EditorHeading>Pain point</EditorHeading>
      {unaddressed && (
        <p className="unaddressed-banner">
          <CircleAlert size={16} aria-hidden="true" /> Unaddressed: no live solution addresses it yet.
        </p>
      )}
      <label className="field">
        <span className="field__label">Title</span>
        <input ref={titleRef} maxLength={MAX_SHORT_TEXT} value={painPoint.title} onChange={(e) => change({ title: e.target.value }, 'title')} />
      </label>
      <div className="field">
        <label className="field__label" htmlFor={`category-${id}`}>
          Category
        </label>
        <div className="category-picker">
          <span className="category-swatch" aria-hidden="true" style={{ background: doc.categories.find((c) => c.id === painPoint.categoryId)?.color ?? 'transparent' }} />
          <select id={`category-${id}`} value={painPoint.categoryId} onChange={(e) => edit('painPoint.update', { id, patch: { categoryId: e.target.value } })}>
            {!doc.categories.some((c) => c.id === painPoint.categoryId) && <option value={painPoint.categoryId}>Uncategorised</option>}
            {doc.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="button" className="icon-button" aria-label="Edit categories…" title="Edit categories…" onClick={() => showCategories(true)}>
            …
          </button>
        </div>
      </div>
      <Votes painPoint={painPoint} votes={votesFor(doc, id)} />
      <label className="field">
        <span className="field__label">Description</span>
        <textarea rows={3} value={painPoint.description} onChange={(e) => change({ description: e.target.value }, 'description')} />
      </label>
      <div className="field">
        <label className="field__label" htmlFor={`voice-${id}`}>
          Voice
        </label>
        <VoiceSelect
          id={`voice-${id}`}
          aria-describedby={`voice-hint-${id}`}
          value={painPoint.voice}
          stakeholders={doc.stakeholders}
          onChange={(voice) => edit('painPoint.update', { id, patch: { voice } })}
        />
        <p id={`voice-hint-${id}`} className="hint field__hint">
          The department whose voice this came from — never a person.
        </p>
      </div>
      <Quotes painPoint={painPoint} stakeholders={doc.stakeholders} />
      <Attachments doc={doc} painPoint={painPoint} />
      <SolutionsFor doc={doc} painPoint={painPoint} />
      <button type="button" className="button button--danger" onClick={() => deleteItem({ type: 'painPoint', id })}>
        <Trash2 size={16} aria-hidden="true" /> Delete pain point
      </button>
    </section>
  );
}

/** The total votes (tally + ballots); the buttons change the tally, the count entered by hand. */
function Votes({ painPoint, votes }: { painPoint: PainPoint; votes: number }) {
  const { id, tally } = painPoint;
  // Until the facilitator reveals the votes, the inspector does not give the total away either.
  const hidden = useEditor(selectVotesHidden);
  const said = hidden ? 'Votes hidden until reveal' : `${votes} vote${votes === 1 ? '' : 's'}`;
  return (
    <div className="field">
      <span className="field__label" id={`votes-${id}`}>
        Votes
      </span>
      <div className="vote-control" role="group" aria-labelledby={`votes-${id}`}>
        <button type="button" className="icon-button icon-button--bordered" aria-label="Remove a vote" disabled={tally === 0} onClick={() => edit('painPoint.voteDown', { id })}>
          <Minus size={16} aria-hidden="true" />
        </button>
        <output className="vote-control__count" aria-live="polite" aria-label={said} title={hidden ? said : undefined}>
          {hidden ? '?' : votes}
        </output>
        <button type="button" className="icon-button icon-button--bordered" aria-label="Add a vote" onClick={() => edit('painPoint.voteUp', { id })}>
          <Plus size={16} aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}

/** The participants' own words, each with the department whose voice it was: edit in place, reorder, remove, add. */
function Quotes({ painPoint, stakeholders }: { painPoint: PainPoint; stakeholders: readonly Stakeholder[] }) {
  const { id, quotes } = painPoint;
  const [draft, setDraft] = useState('');
  const add = () => {
    if (edit('painPoint.addQuote', { id, text: draft.trim() })) setDraft('');
  };
  return (
    <fieldset className="field quotes">
      <legend className="field__label">Quotes ({quotes.length})</legend>
      <ol className="quotes__list">
        {quotes.map((quote, index) => (
          // Index keys: quotes have no ids, and a moved quote re-renders its text anyway.
          <li key={index} className="quotes__item">
            <div className="quotes__body">
              <QuoteField painPointId={id} index={index} text={quote.text} />
              <span className="quotes__voice" title="The department whose voice this was — never a person">
                <Building2 size={13} aria-hidden="true" />
                <VoiceSelect
                  className="voice-select--compact"
                  aria-label={`Voice of quote ${index + 1}`}
                  value={quote.voice}
                  stakeholders={stakeholders}
                  onChange={(voice) => edit('painPoint.setQuoteVoice', { id, index, voice })}
                />
              </span>
            </div>
            <div className="quotes__actions">
              <button type="button" className="icon-button" aria-label={`Move quote ${index + 1} up`} disabled={index === 0} onClick={() => edit('painPoint.moveQuote', { id, from: index, to: index - 1 })}>
                <ArrowUp size={15} aria-hidden="true" />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move quote ${index + 1} down`}
                disabled={index === quotes.length - 1}
                onClick={() => edit('painPoint.moveQuote', { id, from: index, to: index + 1 })}
              >
                <ArrowDown size={15} aria-hidden="true" />
              </button>
              <button type="button" className="icon-button" aria-label={`Remove quote ${index + 1}`} onClick={() => edit('painPoint.removeQuote', { id, index })}>
                <X size={15} aria-hidden="true" />
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="quotes__new">
        <textarea
          rows={2}
          aria-label="New quote"
          placeholder="What someone in the room said, in their words"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds (quotes are one thought); Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={add} disabled={draft.trim() === ''}>
          <Plus size={15} aria-hidden="true" /> Add quote
        </button>
      </div>
    </fieldset>
  );
}

/**
 * One quote, edited in place. An emptied field is not committed (an empty quote says nothing): it keeps the
 * draft while focused and goes back to the saved words on blur; Remove deletes a quote.
 */
function QuoteField({ painPointId, index, text }: { painPointId: string; index: number; text: string }) {
  const [draft, setDraft] = useState(text);
  const [editing, setEditing] = useState(false);
  const shown = editing ? draft : text;
  return (
    <textarea
      rows={2}
      aria-label={`Quote ${index + 1}`}
      className="quotes__text"
      value={shown}
      onFocus={() => {
        setDraft(text);
        setEditing(true);
      }}
      onBlur={() => setEditing(false)}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value.trim() !== '') edit('painPoint.updateQuote', { id: painPointId, index, text: e.target.value });
      }}
    />
  );
}

/** Where the pain point sits: stakeholders and relationships, or the whole workspace. */
function Attachments({ doc, painPoint }: { doc: WorkspaceDocument; painPoint: PainPoint }) {
  const { id, attachedTo } = painPoint;
  const candidates = useMemo(() => attachmentCandidates(doc, attachedTo), [doc, attachedTo]);
  const view = useEditor((s) => s.view);
  return (
    <div className="field">
      <span className="field__label">Attached to</span>
      {attachedTo.length === 0 ? (
        <p className="attachment-none">The whole workspace</p>
      ) : (
        <ul className="attachment-list">
          {attachedTo.map((a) => {
            const name = describeAttachment(doc, a);
            return (
              <li key={attachmentKey(a)} className="attachment-list__item">
                <span>{name}</span>
                <button type="button" className="icon-button" aria-label={`Detach from ${name}`} title="Detach" onClick={() => edit('painPoint.detach', { id, attachment: a })}>
                  <Link2Off size={15} aria-hidden="true" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="attach-row">
        <select
          aria-label="Attach to"
          value=""
          onChange={(e) => {
            const chosen = candidates.find((c) => attachmentKey(c.attachment) === e.target.value);
            if (chosen) edit('painPoint.attach', { id, attachment: chosen.attachment });
          }}
        >
          <option value="">Attach to…</option>
          <optgroup label="Stakeholders">
            {candidates
              .filter((c) => c.attachment.type === 'stakeholder')
              .map((c) => (
                <option key={attachmentKey(c.attachment)} value={attachmentKey(c.attachment)}>
                  {c.name}
                </option>
              ))}
          </optgroup>
          <optgroup label="Relationships">
            {candidates
              .filter((c) => c.attachment.type === 'relationship')
              .map((c) => (
                <option key={attachmentKey(c.attachment)} value={attachmentKey(c.attachment)}>
                  {c.name}
                </option>
              ))}
          </optgroup>
        </select>
        {attachedTo.length > 0 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              if (view !== 'map') showView('map');
              requestAnimationFrame(() => revealOnMap(attachedTo));
            }}
          >
            <Crosshair size={15} aria-hidden="true" /> Show on map
          </button>
        )}
      </div>
    </div>
  );
}

function attachmentCandidates(doc: WorkspaceDocument, attachedTo: readonly Attachment[]) {
  const taken = new Set(attachedTo.map(attachmentKey));
  const all: Attachment[] = [
    ...doc.stakeholders.map((s) => ({ type: 'stakeholder' as const, id: s.id })),
    ...doc.relationships.map((r) => ({ type: 'relationship' as const, id: r.id })),
  ];
  return all
    .filter((a) => !taken.has(attachmentKey(a)))
    .map((attachment) => ({ attachment, name: describeAttachment(doc, attachment) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The candidate solutions that address this pain point, and a button to propose one. */
function SolutionsFor({ doc, painPoint }: { doc: WorkspaceDocument; painPoint: PainPoint }) {
  const solutions = solutionsAddressing(doc, painPoint.id);
  return (
    <div className="field">
      <span className="field__label">Candidate solutions ({solutions.length})</span>
      {solutions.length > 0 && (
        <ul className="linked-list">
          {solutions.map((s) => {
            const { label, Icon } = SOLUTION_STATUS_INFO[s.status];
            return (
              <li key={s.id}>
                <button type="button" className={`linked-row status-${s.status}`} onClick={() => openItem({ type: 'solution', id: s.id })}>
                  <Lightbulb size={15} aria-hidden="true" />
                  <span className="linked-row__title">{s.title || 'Untitled solution'}</span>
                  <span className="status-chip">
                    <Icon size={13} aria-hidden="true" /> {label}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button button--small" onClick={() => proposeSolution([painPoint.id])}>
        <Lightbulb size={15} aria-hidden="true" /> Propose solution
      </button>
    </div>
  );
}
