import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { PDF_MARGINS_INCHES } from '@shared/export/pdf-options';
import { buildReport } from '@shared/export/report';
import { redactForSharing } from '@shared/export/safe-to-share';
import { buildWrapUp } from '@shared/export/wrap-up';
import { exportLayout } from '../commands/export-commands';
import { currentDocument, useUi } from '../store/editor-store';
import { openComparisonForReport } from '../store/review-sides';
import { useReview } from '../store/review-store';
import { printableArea, PrintReport } from './PrintReport';
import { WrapUpPage } from './WrapUpPage';

/** Renders the report into #print-root while a PDF export is printing (print media shows only that). */
export function PrintPortal() {
  const job = useUi((s) => s.printJob);
  const content = useMemo(() => {
    const current = currentDocument();
    const layout = exportLayout();
    if (!job || !current || !layout) return null;
    const doc = redactForSharing(current, job.safeToShare);
    const comparison = openComparisonForReport(doc, useReview.getState().review, (d) => redactForSharing(d, job.safeToShare));
    const report = buildReport(doc, new Date(job.generatedAt), comparison ? { comparison } : {});
    const area = printableArea(job.pageSize, job.landscape, PDF_MARGINS_INCHES);
    const wrapUp = buildWrapUp(doc, new Date(job.generatedAt));
    if (job.wrapUpOnly) return <WrapUpPage wrapUp={wrapUp} alone />;
    return <PrintReport doc={doc} layout={layout} report={report} area={area} frameSize={job.frameSize} wrapUp={wrapUp} />;
  }, [job]);
  const target = document.getElementById('print-root');
  if (!content || !target) return null;
  return createPortal(content, target);
}
