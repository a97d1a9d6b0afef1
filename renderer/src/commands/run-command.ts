import type { MenuCommand } from '@shared/host/menu-commands';
import { creditLines } from '@shared/host/credits';
import { clearFilter, redo, showCategories, showExportDialog, showShortcuts, showVersionsDialog, showMessage, showView, toggleFocus, toggleMinimap, undo, useEditor } from '../store/editor-store';
import { endSession } from './live-session';
import { showLiveDialog } from '../dialogs/LiveSessionDialog';
import { showParticipantsDialog } from '../store/participants-dialog-store';
import { toggleAgenda } from './agenda-commands';
import { addPainPointTo, proposeSolution } from './pain-point-commands';
import { addNewStakeholder, deleteSelection, fitView, selectAll, zoomIn, zoomOut } from './edit-commands';
import { closeCurrentWorkspace, newWorkspace, openWithDialog, save, saveAs } from './file-commands';
import { focusQuickCapture } from './quick-capture-commands';
import { chooseTheme, toggleLargeText, toggleLegend } from './preference-commands';
import { isTextField } from './shortcuts';
import { tidyLayout } from './tidy-layout';
import { startImport } from './import-commands';
import { startMerge } from './merge-commands';
import { takeSnapshotNow } from './snapshot-commands';
import { showTimeline } from '../store/review-store';

const isEditingText = () => isTextField(document.activeElement);

/** Ctrl+F: the search field in the toolbar. */
function focusSearch(): void {
  const field = document.querySelector<HTMLInputElement>('#workspace-search');
  field?.focus();
  field?.select();
}

/**
 * Runs one command from the menu, the keyboard or a toolbar button. Commands that need an open workspace do
 * nothing on the start view.
 */
export function runCommand(command: MenuCommand): void {
  const hasWorkspace = useEditor.getState().workspace !== null;
  switch (command) {
    case 'file.new':
      void newWorkspace();
      return;
    case 'file.open':
      void openWithDialog();
      return;
    case 'file.save':
      if (hasWorkspace) void save();
      return;
    case 'file.saveAs':
      if (hasWorkspace) void saveAs();
      return;
    case 'file.restoreVersion':
      if (hasWorkspace) showVersionsDialog(true);
      return;
    case 'file.importStakeholders':
      void startImport();
      return;
    case 'file.mergeWorkspace':
      if (hasWorkspace) void startMerge();
      return;
    case 'file.export':
      if (hasWorkspace) showExportDialog(true);
      return;
    case 'file.close':
      void closeCurrentWorkspace();
      return;
    case 'edit.undo':
      undo();
      return;
    case 'edit.redo':
      redo();
      return;
    case 'edit.delete':
      // From the menu while typing in a field, Delete means the text, as in any editor.
      if (isEditingText()) document.execCommand('delete');
      else deleteSelection();
      return;
    case 'edit.selectAll':
      if (isEditingText()) (document.activeElement as HTMLInputElement).select();
      else selectAll();
      return;
    case 'edit.find':
      if (hasWorkspace) focusSearch();
      return;
    case 'map.addStakeholder':
      if (hasWorkspace) addNewStakeholder();
      return;
    case 'map.addPainPoint':
      if (hasWorkspace) addPainPointTo();
      return;
    case 'map.capturePainPoint':
      focusQuickCapture();
      return;
    case 'map.addSolution': {
      // From an open pain point, the new solution addresses it: that is what "propose" means in the room.
      const open = useEditor.getState().openItem;
      if (hasWorkspace) proposeSolution(open?.type === 'painPoint' ? [open.id] : []);
      return;
    }
    case 'map.manageCategories':
      if (hasWorkspace) showCategories(true);
      return;
    case 'map.takeSnapshot':
      if (hasWorkspace) takeSnapshotNow();
      return;
    case 'view.showMap':
      if (hasWorkspace) showView('map');
      return;
    case 'view.showBoard':
      if (hasWorkspace) showView('board');
      return;
    case 'view.showSolutions':
      if (hasWorkspace) showView('solutions');
      return;
    case 'view.showGrid':
      if (hasWorkspace) showView('grid');
      return;
    case 'view.clearFilters':
      clearFilter();
      return;
    case 'view.zoomIn':
      zoomIn();
      return;
    case 'view.zoomOut':
      zoomOut();
      return;
    case 'view.fit':
      fitView();
      return;
    case 'view.tidyLayout':
      if (hasWorkspace) void tidyLayout();
      return;
    case 'view.toggleMinimap':
      toggleMinimap();
      return;
    case 'view.toggleLegend':
      toggleLegend();
      return;
    case 'view.toggleFocus':
      toggleFocus();
      // The map just changed size: fit it to the new space (two frames: layout, then React Flow's resize).
      requestAnimationFrame(() => requestAnimationFrame(fitView));
      return;
    case 'view.toggleAgenda':
      if (hasWorkspace) toggleAgenda();
      return;
    case 'view.participants':
      if (hasWorkspace) showParticipantsDialog(true);
      return;
    case 'view.timeline':
      if (hasWorkspace) showTimeline(true);
      return;
    case 'session.startLive':
      if (hasWorkspace) showLiveDialog('host');
      return;
    case 'session.joinLive':
      showLiveDialog('join');
      return;
    case 'session.endLive':
      void endSession();
      return;
    // Display preferences work on the start view too: they are the window's, not the workspace's.
    case 'view.themeSystem':
      chooseTheme('system');
      return;
    case 'view.themeLight':
      chooseTheme('light');
      return;
    case 'view.themeDark':
      chooseTheme('dark');
      return;
    case 'view.themeHighContrast':
      chooseTheme('high-contrast');
      return;
    case 'view.toggleLargeText':
      toggleLargeText();
      return;
    case 'help.shortcuts':
      // The sheet is derived from the one keymap table (shared/host/keymap.ts), as the menu's accelerators are.
      showShortcuts(true);
      return;
    case 'help.about':
      showMessage({
        tone: 'info',
        title: 'About Stakemap',
        summary:
          'Stakemap maps the departments and outside parties a social media team works with, marks problematic relationships, and keeps the pain points and candidate solutions of a workshop in one local file.',
        details: [
          'Workspaces are plain JSON files (.stakemap) that other tools can read; see the README for the format.',
          'Built with open-source software, with thanks:',
          ...creditLines(),
        ],
      });
      return;
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
