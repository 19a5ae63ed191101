/**
 * One case for whoever may see it (`/my-cases/:caseNo`; another unit's case is not found): its documents and
 * notices (the acceptance receipt among them), its diagram and its history.
 */
import { Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { CaseDocuments } from './CaseDocuments';
import { CaseProgress } from './CaseProgress';

export function CasePage() {
  const { caseNo = '' } = useParams();
  const { t } = useI18n();
  const key = encodeURIComponent(caseNo);
  return (
    <section aria-labelledby="case-title">
      <Link to="/my-cases">{t('caseView.back')}</Link>
      <Typography.Title level={1} id="case-title" style={{ fontSize: 20 }} data-testid="case-title">
        {t('caseView.title', { caseNo })}
      </Typography.Title>
      <CaseDocuments businessKey={key} />
      <CaseProgress businessKey={key} />
    </section>
  );
}
