import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { PDF_MARGINS_INCHES } from '@shared/export/pdf-options';
import { buildReport } from '@shared/export/report';
import { exportLayout } from '../commands/export-commands';
import { currentDocument, useUi } from '../store/editor-store';
import { printableArea, PrintReport } from './PrintReport';

/** Renders the report into #print-root while a PDF export is printing (print media shows only that). */
export function PrintPortal() {
  const job = useUi((s) => s.printJob);
  const content = useMemo(() => {
    const doc = currentDocument();
    const layout = exportLayout();
    if (!job || !doc || !layout) return null;
    const report = buildReport(doc, new Date(job.generatedAt));
    const area = printableArea(job.pageSize, job.landscape, PDF_MARGINS_INCHES);
    return <PrintReport doc={doc} layout={layout} report={report} area={area} frameSize={job.frameSize} />;
  }, [job]);
  const target = document.getElementById('print-root');
  if (!content || !target) return null;
  return createPortal(content, target);
}
