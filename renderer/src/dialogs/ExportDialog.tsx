import { Download, FileImage, FileSpreadsheet, FileText, FileType2, type LucideIcon } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_EXPORT_OPTIONS, PDF_PAGE_SIZES, PNG_SCALES, type ExportFormat, type ExportOptions } from '@shared/export/export-options';
import { exportLayout, runExport } from '../commands/export-commands';
import { loadExportOptions, rememberExportOptions } from '../commands/host-commands';
import { fitScale } from '../export/canvas-limits';
import { showExportDialog, useUi } from '../store/editor-store';
import { whenClosed } from './when-closed';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; hint: string; Icon: LucideIcon }> = [
  { format: 'png', label: 'PNG image', hint: 'The whole map for slides, sharp on a projector; opens again in Stakemap.', Icon: FileImage },
  { format: 'pdf', label: 'PDF report', hint: 'The map on page 1, the wrap-up, then problematic relationships, pain points and solutions.', Icon: FileText },
  { format: 'markdown', label: 'Markdown report', hint: 'The same report as text, for wikis and e-mail.', Icon: FileType2 },
  { format: 'csv', label: 'CSV tables', hint: 'Two files, pain points and solutions, for a spreadsheet.', Icon: FileSpreadsheet },
];

/** File > Export…: format and options (remembered), then progress with Cancel while it runs. */
export function ExportDialog() {
  const open = useUi((s) => s.exportOpen);
  const job = useUi((s) => s.exportJob);
  const dialog = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // The last choices, from the app's settings.
      void loadExportOptions().then(setOptions);
    }
    if (!open && el.open) el.close();
  }, [open]);

  const pngSize = useMemo(() => {
    if (!open || options.format !== 'png') return null;
    const layout = exportLayout();
    if (!layout) return null;
    // The frame adds a title, the legend and margins around the map: roughly 100 px across and 260 down.
    const width = layout.width + 100;
    const height = layout.height + 260;
    const { scale, reduced } = fitScale(width, height, options.png.scale);
    return { width: Math.round(width * scale), height: Math.round(height * scale), scale, reduced };
  }, [open, options.format, options.png.scale]);

  const start = async () => {
    rememberExportOptions(options);
    await runExport(options);
    showExportDialog(false);
  };
  const setPng = (patch: Partial<ExportOptions['png']>) => setOptions((o) => ({ ...o, png: { ...o.png, ...patch } }));
  const setPdf = (patch: Partial<ExportOptions['pdf']>) => setOptions((o) => ({ ...o, pdf: { ...o.pdf, ...patch } }));
  const setSafe = (patch: Partial<ExportOptions['safeToShare']>) => setOptions((o) => ({ ...o, safeToShare: { ...o.safeToShare, ...patch } }));

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby="export-title"
      onCancel={(e) => {
        // Escape while an export runs cancels the export (if it can be), not just the dialog.
        if (job) {
          e.preventDefault();
          job.cancel?.();
        }
      }}
      onClose={whenClosed(() => showExportDialog(false))}
    >
      <h2 id="export-title" className="export-dialog__title">
        <Download size={20} aria-hidden="true" /> Export
      </h2>
      {open && !job && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <fieldset className="export-dialog__formats">
            <legend className="field__label">Format</legend>
            {FORMATS.map(({ format, label, hint, Icon }) => (
              <label key={format} className="export-format">
                <input type="radio" name="export-format" checked={options.format === format} onChange={() => setOptions((o) => ({ ...o, format }))} />
                <Icon size={20} aria-hidden="true" />
                <span>
                  <strong>{label}</strong>
                  <span className="export-format__hint">{hint}</span>
                </span>
              </label>
            ))}
          </fieldset>

          {options.format === 'png' && (
            <div className="export-dialog__options">
              <fieldset className="field">
                <legend className="field__label">Picture</legend>
                <div className="export-dialog__choices">
                  <label className="choice">
                    <input type="radio" name="png-picture" checked={(options.png.picture ?? 'map') === 'map'} onChange={() => setPng({ picture: 'map' })} /> Map
                  </label>
                  <label className="choice">
                    <input type="radio" name="png-picture" checked={options.png.picture === 'grid'} onChange={() => setPng({ picture: 'grid' })} /> Power/interest grid
                  </label>
                </div>
              </fieldset>
              <fieldset className="field">
                <legend className="field__label">Scale</legend>
                <div className="export-dialog__choices">
                  {PNG_SCALES.map((scale) => (
                    <label key={scale} className="choice">
                      <input type="radio" name="png-scale" checked={options.png.scale === scale} onChange={() => setPng({ scale })} />
                      {scale}×
                    </label>
                  ))}
                </div>
              </fieldset>
              <fieldset className="field">
                <legend className="field__label">Background</legend>
                <div className="export-dialog__choices">
                  <label className="choice">
                    <input type="radio" name="png-background" checked={options.png.background === 'white'} onChange={() => setPng({ background: 'white' })} /> White
                  </label>
                  <label className="choice">
                    <input type="radio" name="png-background" checked={options.png.background === 'transparent'} onChange={() => setPng({ background: 'transparent' })} />{' '}
                    Transparent
                  </label>
                </div>
              </fieldset>
              {pngSize && (
                <p className="hint" aria-live="polite">
                  About {pngSize.width.toLocaleString('en')} × {pngSize.height.toLocaleString('en')} px
                  {pngSize.reduced ? ` — too large at ${options.png.scale}×, it will be exported at ${pngSize.scale}×.` : '.'}
                </p>
              )}
            </div>
          )}

          {options.format === 'pdf' && (
            <div className="export-dialog__options">
              <label className="field">
                <span className="field__label">Page size</span>
                <select value={options.pdf.pageSize} onChange={(e) => setPdf({ pageSize: e.target.value as ExportOptions['pdf']['pageSize'] })}>
                  {PDF_PAGE_SIZES.map((size) => (
                    <option key={size} value={size}>
                      {size}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset className="field">
                <legend className="field__label">Orientation</legend>
                <div className="export-dialog__choices">
                  <label className="choice">
                    <input type="radio" name="pdf-orientation" checked={options.pdf.landscape} onChange={() => setPdf({ landscape: true })} /> Landscape
                  </label>
                  <label className="choice">
                    <input type="radio" name="pdf-orientation" checked={!options.pdf.landscape} onChange={() => setPdf({ landscape: false })} /> Portrait
                  </label>
                </div>
              </fieldset>
            </div>
          )}

          {(options.format === 'pdf' || options.format === 'markdown') && (
            <fieldset className="field export-dialog__contents">
              <legend className="field__label">Contents</legend>
              <div className="export-dialog__choices">
                <label className="choice">
                  <input type="radio" name="report-contents" checked={!options.wrapUpOnly} onChange={() => setOptions((o) => ({ ...o, wrapUpOnly: false }))} /> Full report
                </label>
                <label className="choice">
                  <input type="radio" name="report-contents" checked={options.wrapUpOnly} onChange={() => setOptions((o) => ({ ...o, wrapUpOnly: true }))} /> Wrap-up only
                </label>
              </div>
              <p className="hint">
                {options.wrapUpOnly
                  ? 'One page: the top pain points, their solutions with owners and dates, and what is still unaddressed.'
                  : options.format === 'pdf'
                    ? 'The map, the wrap-up, then every relationship, pain point and solution.'
                    : 'The wrap-up, then every relationship, pain point and solution.'}
              </p>
            </fieldset>
          )}

          <fieldset className="field export-dialog__safe">
            <legend className="field__label">Sharing</legend>
            <label className="checkbox-field">
              <input type="checkbox" checked={options.safeToShare.enabled} onChange={(e) => setSafe({ enabled: e.target.checked })} aria-describedby="safe-to-share-hint" />
              Safe to share
            </label>
            <p className="hint" id="safe-to-share-hint">
              No participant names, quotes without attribution, and no department named where fewer than three people spoke for it. Applies to every
              format, the PNG's embedded workspace included.
            </p>
            {options.safeToShare.enabled && (
              <div className="export-dialog__safe-options">
                <label className="checkbox-field">
                  <input type="checkbox" checked={options.safeToShare.removeOwners} onChange={(e) => setSafe({ removeOwners: e.target.checked })} /> Remove owners
                </label>
                <label className="checkbox-field">
                  <input type="checkbox" checked={options.safeToShare.quotes === 'removed'} onChange={(e) => setSafe({ quotes: e.target.checked ? 'removed' : 'unattributed' })} />{' '}
                  Remove quotes
                </label>
              </div>
            )}
          </fieldset>

          <div className="message-dialog__actions">
            <button type="button" className="button" onClick={() => showExportDialog(false)}>
              Cancel
            </button>
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a modal <dialog> must put focus inside it; autofocus names the control that gets it (HTML's dialog focusing steps) */}
            <button type="submit" className="button button--primary" autoFocus>
              Export…
            </button>
          </div>
        </form>
      )}
      {job && (
        <div className="export-dialog__progress">
          <p role="status">{job.step}</p>
          <progress aria-label="Export progress" />
          <div className="message-dialog__actions">
            <button type="button" className="button" disabled={!job.cancel} onClick={() => job.cancel?.()}>
              Cancel export
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
