/**
 * Who may call each API route: `public` (no sign-in), `signed-in` (every role; the use case may still narrow what
 * it answers, e.g. by unit), or the roles named (administrators pass every role check). The matrix test compares
 * this table with the routes the application really has, both ways: a new route fails it until it is listed here.
 */
export type Access = 'public' | 'signed-in' | string[];

export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/logout': 'signed-in',
  'POST /api/auth/password': 'signed-in',

  'GET /api/admin/clock': 'signed-in',
  'PUT /api/admin/clock': ['admin'],
  'DELETE /api/admin/clock': ['admin'],
  'GET /api/audit': ['admin'],

  'GET /api/users': 'signed-in',
  'GET /api/users/:id': 'signed-in',
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/deactivate': ['admin'],
  'POST /api/users/:id/reactivate': ['admin'],
  'POST /api/users/:id/reset-password': ['admin'],
  'GET /api/roles': 'signed-in',
  'GET /api/groups': 'signed-in',

  'GET /api/tasks': 'signed-in',
  'GET /api/tasks/:key/form': 'signed-in',
  'GET /api/tasks/:key': 'signed-in',
  'POST /api/tasks/:key/claim': 'signed-in',
  'POST /api/tasks/:key/unclaim': 'signed-in',
  'POST /api/tasks/:key/complete': 'signed-in',

  'POST /api/change-of-use/applications': ['counter-clerk'],
  'GET /api/change-of-use/applications': 'signed-in',
  'GET /api/change-of-use/applications/:applicationNo': 'signed-in',
  'POST /api/change-of-use/applications/:applicationNo/extend': ['counter-clerk'],
  'POST /api/change-of-use/applications/:no/payments': ['counter-clerk'],
  'GET /api/change-of-use/applications/:no/payments/:id/receipt': 'signed-in',
  'POST /api/change-of-use/applications/:no/payments/:id/refund': ['counter-clerk'],
  'POST /api/change-of-use/applications/:no/payments/:id/refunds/:refundId/approve': ['manager'],
  'POST /api/change-of-use/applications/:no/payments/:id/refunds/:refundId/reject': ['manager'],

  'GET /api/cases/reconciled': ['manager'],
  'GET /api/cases/unstarted': ['manager'],
  'GET /api/cases/:businessKey': 'signed-in',
  'POST /api/cases/:businessKey/incidents/:incidentKey/resolve': ['manager'],
  'POST /api/cases/:businessKey/cancel': ['manager'],
  'GET /api/cases/:businessKey/diagram': 'signed-in',
  'GET /api/cases/:businessKey/task-history': 'signed-in',
  'POST /api/cases/:businessKey/documents': 'signed-in',
  'GET /api/cases/:businessKey/documents': 'signed-in',
  'GET /api/cases/:businessKey/documents/:id/content': 'signed-in',
  'GET /api/cases/:businessKey/notices': 'signed-in',
  'GET /api/cases/:businessKey/notices/:kind': 'signed-in',

  'GET /api/calendar/days': 'signed-in',
  'PUT /api/calendar/days/:date': ['admin'],
  'DELETE /api/calendar/days/:date': ['admin'],
  'GET /api/calendar/years': 'signed-in',
  'PUT /api/calendar/years/:year': ['admin'],
  'DELETE /api/calendar/years/:year': ['admin'],
  'GET /api/calendar/add': 'signed-in',

  'GET /api/time-limits/cases/:businessKey': 'signed-in',
  'GET /api/time-limits/compliance': ['manager'],
  'GET /api/notifications': 'signed-in',

  'POST /api/work-orders': ['agent'],
  'GET /api/work-orders': 'signed-in',
  'GET /api/work-orders/statistics': 'signed-in',
  'GET /api/work-orders/:orderNo': 'signed-in',
  'POST /api/work-orders/:orderNo/urge': ['agent'],
  'POST /api/work-orders/:orderNo/supervise': ['manager'],

  'GET /api/knowledge': 'signed-in',
  'POST /api/knowledge': ['agent'],
  'PUT /api/knowledge/:id': ['agent'],

  'POST /api/customers': ['counter-clerk'],
  'GET /api/customers': 'signed-in',
  'GET /api/customers/:id': 'signed-in',
  'POST /api/accounts': ['counter-clerk'],
  'GET /api/accounts/:id': 'signed-in',
  'GET /api/bills': 'signed-in',
  'POST /api/bills': ['counter-clerk'],

  'POST /api/business-expansion/applications': ['counter-clerk'],
  'GET /api/business-expansion/applications': 'signed-in',
  'GET /api/business-expansion/applications/:no': 'signed-in',
  'POST /api/business-expansion/applications/:no/payments': ['counter-clerk'],
  'GET /api/business-expansion/applications/:no/payments/:id/receipt': 'signed-in',
  'POST /api/business-expansion/applications/:no/payments/:id/refund': ['counter-clerk'],
  'POST /api/business-expansion/applications/:no/payments/:id/refunds/:refundId/approve': ['manager'],
  'POST /api/business-expansion/applications/:no/payments/:id/refunds/:refundId/reject': ['manager'],
  'POST /api/business-expansion/applications/:no/documents': ['counter-clerk'],
  'POST /api/business-expansion/applications/:no/construction-completed': ['counter-clerk'],
  'POST /api/business-expansion/applications/:no/design': ['counter-clerk'],
  'GET /api/business-expansion/supply-schemes/:no': 'signed-in',
};
