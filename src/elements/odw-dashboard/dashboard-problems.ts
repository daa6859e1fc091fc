/** A dashboard configuration's problems put into words, for the list shown instead of the widgets. */
import type {Lang} from '../../core/lang.js';
import type {ConfigProblem} from './dashboard-config.js';
import {dashboardText, type DashboardMessageKey} from './odw-dashboard.messages.js';

/** Keys listed after an unknown one before « … ». */
const LISTED_KEYS = 6;

/** One configuration problem as a sentence: where it is, what is wrong, what was expected. */
export function describeProblem(problem: ConfigProblem, lang: Lang): string {
  const path = problem.path || dashboardText(lang, 'dashboard.root');
  const value = problem.value ?? '';
  switch (problem.code) {
    case 'unknown-key': {
      const allowed = problem.allowed ?? [];
      const listed = allowed.slice(0, LISTED_KEYS).join(', ') + (allowed.length > LISTED_KEYS ? ', …' : '');
      return dashboardText(lang, 'dashboard.error.unknown-key', {path, allowed: listed});
    }
    case 'type':
      return dashboardText(lang, 'dashboard.error.type', {
        path,
        value,
        expected: dashboardText(
          lang,
          `dashboard.expected.${problem.expected ?? 'text'}` as DashboardMessageKey,
        ),
      });
    case 'enum':
      return dashboardText(lang, 'dashboard.error.enum', {
        path,
        value,
        allowed: (problem.allowed ?? []).join(', '),
      });
    case 'unknown-source':
      return dashboardText(lang, 'dashboard.error.unknown-source', {
        path,
        value,
        allowed: problem.allowed?.length ? problem.allowed.join(', ') : dashboardText(lang, 'dashboard.none'),
      });
    case 'duplicate-id':
      return dashboardText(lang, 'dashboard.error.duplicate-id', {path, value});
    case 'empty':
      return dashboardText(lang, 'dashboard.error.empty', {path});
    case 'missing':
      return dashboardText(lang, 'dashboard.error.missing', {path});
    case 'unknown-param':
      return dashboardText(lang, 'dashboard.error.unknown-param', {path, value});
    case 'missing-param':
      return dashboardText(lang, 'dashboard.error.missing-param', {path, value});
  }
}
