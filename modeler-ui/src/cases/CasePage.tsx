/**
 * One case for whoever may see it (`/my-cases/:caseNo`; another unit's case is not found, as an unknown number):
 * its documents and notices (the acceptance receipt among them), its diagram and its history.
 */
import { Alert, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { CaseDocuments } from './CaseDocuments';
import { CaseProgress } from './CaseProgress';

export function CasePage() {
  const { caseNo = '' } = useParams();
  const { t, apiText } = useI18n();
  const key = encodeURIComponent(caseNo);
  // The notices answer names the case's area, and 404 for a case the reader may not see.
  const found = useApi<{ area: 'business-expansion' | 'change-of-use' | 'work-order' }>(`/cases/${key}/notices`);
  return (
    <section aria-labelledby="case-title">
      <Link to="/my-cases">{t('caseView.back')}</Link>
      <Typography.Title level={1} id="case-title" style={{ fontSize: 20 }} data-testid="case-title">
        {t('caseView.title', { caseNo })}
        {found.data && ` · ${t(`tasks.area.${found.data.area}`)}`}
      </Typography.Title>
      {found.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={found.error.status === 404 ? t('caseView.notFound') : apiText(found.error.message)}
        />
      )}
      {found.data && (
        <>
          <CaseDocuments businessKey={key} />
          <CaseProgress businessKey={key} />
        </>
      )}
    </section>
  );
}
