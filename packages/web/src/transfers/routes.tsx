/** The transfer, leaving and term dates pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const TransfersListPage = page(() => import('./TransfersListPage'), 'TransfersListPage');
const TransferPage = page(() => import('./TransferPage'), 'TransferPage');
const ImportPackagePage = page(() => import('./ImportPackagePage'), 'ImportPackagePage');
const RecordLeavingPage = page(() => import('./RecordLeavingPage'), 'RecordLeavingPage');
const TermDatesPage = page(() => import('./TermDatesPage'), 'TermDatesPage');
const ReceivedFilePage = page(() => import('./ReceivedFilePage'), 'ReceivedFilePage');

export const transferRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/transfers',
    access: 'complete',
    render: (x) => <TransfersListPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/transfers/import',
    access: 'complete',
    render: (x) => <ImportPackagePage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/transfers/:transferId',
    access: 'complete',
    render: (x) => <TransferPage schoolId={p(x, 'schoolId')} transferId={p(x, 'transferId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/leaving',
    access: 'complete',
    render: (x) => <RecordLeavingPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/received-files/:receivedId',
    access: 'complete',
    render: (x) => <ReceivedFilePage schoolId={p(x, 'schoolId')} receivedId={p(x, 'receivedId')} />,
  },
  {
    path: '/schools/:schoolId/term-dates',
    access: 'complete',
    render: (x) => <TermDatesPage schoolId={p(x, 'schoolId')} />,
  },
];
