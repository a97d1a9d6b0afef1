import { useCallback, type KeyboardEvent, type ReactNode } from 'react';
import { RELATIONSHIP_STATUSES } from '@shared/document/format';
import { addStakeholderNamed, deleteSelection } from '../commands/edit-commands';
import { addPainPointTo } from '../commands/pain-point-commands';
import { edit } from '../commands/edits';
import { setSelection, showContextMenu, startRename, useEditor, selectDocument, useUi } from '../store/editor-store';
import { FloatingLayer } from './FloatingLayer';
import { RELATIONSHIP_STYLES } from './relationship-styles';

/** Arrow keys move between the items of a menu, Home and End jump, as in a native menu. */
function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^=menuitem]')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  const go = (i: number) => items[(i + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') go(index + 1);
  else if (event.key === 'ArrowUp') go(index - 1);
  else if (event.key === 'Home') go(0);
  else if (event.key === 'End') go(items.length - 1);
  else return;
  event.preventDefault();
}

function Item({ onSelect, children, checked }: { onSelect: () => void; children: ReactNode; checked?: boolean }) {
  return (
    <button
      type="button"
      role={checked === undefined ? 'menuitem' : 'menuitemradio'}
      aria-checked={checked}
      tabIndex={-1}
      className="context-menu__item"
      onClick={() => {
        showContextMenu(null);
        onSelect();
      }}
    >
      {checked !== undefined && <span className="context-menu__check" aria-hidden="true">{checked ? '●' : ''}</span>}
      {children}
    </button>
  );
}

/** Right-click on a stakeholder, a relationship or the empty map. */
export function MapContextMenu() {
  const menu = useUi((s) => s.contextMenu);
  const relationshipId = menu?.target.type === 'relationship' ? menu.target.id : null;
  const relationship = useEditor((s) => (relationshipId === null ? undefined : selectDocument(s)?.relationships.find((r) => r.id === relationshipId)));
  const close = useCallback(() => showContextMenu(null), []);
  if (!menu) return null;
  const { target } = menu;

  let items: ReactNode;
  let label: string;
  if (target.type === 'stakeholder') {
    label = 'Stakeholder';
    items = (
      <>
        <Item onSelect={() => addPainPointTo([{ type: 'stakeholder', id: target.id }])}>Add pain point</Item>
        <Item
          onSelect={() => {
            setSelection({ stakeholderIds: [target.id] });
            startRename(target.id);
          }}
        >
          Rename
        </Item>
        <div role="separator" className="context-menu__separator" />
        <Item
          onSelect={() => {
            setSelection({ stakeholderIds: [target.id] });
            deleteSelection();
          }}
        >
          Delete stakeholder
        </Item>
      </>
    );
  } else if (target.type === 'relationship') {
    label = 'Relationship';
    items = (
      <>
        <Item onSelect={() => addPainPointTo([{ type: 'relationship', id: target.id }])}>Add pain point</Item>
        <div role="separator" className="context-menu__separator" />
        {RELATIONSHIP_STATUSES.map((status) => (
          <Item key={status} checked={relationship?.status === status} onSelect={() => edit('relationship.setStatus', { ids: [target.id], status })}>
            {RELATIONSHIP_STYLES[status].label}
          </Item>
        ))}
        <div role="separator" className="context-menu__separator" />
        <Item
          onSelect={() => {
            setSelection({ relationshipIds: [target.id] });
            deleteSelection();
          }}
        >
          Delete relationship
        </Item>
      </>
    );
  } else {
    label = 'Map';
    const near = target.flowPosition;
    items = (
      <>
        <Item onSelect={() => addStakeholderNamed('New stakeholder', 'department', { rename: true, near })}>Add stakeholder here</Item>
        <Item onSelect={() => addPainPointTo([])}>Add workspace-wide pain point</Item>
      </>
    );
  }

  return (
    <FloatingLayer at={menu.at} onClose={close} className="context-menu" role="menu" aria-label={label}>
      {/* Arrow keys move between the items of the menu (role="menu" is on the layer around them). */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- arrow-key roving inside role=menu */}
      <div onKeyDown={onMenuKeyDown} className="context-menu__items">
        {items}
      </div>
    </FloatingLayer>
  );
}
