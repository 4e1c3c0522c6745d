import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCompany } from '../auth/session';

/** Company logo and short name (falls back to the product name before set-up). */
export default function Brand() {
  const { t } = useTranslation();
  const company = useCompany();
  const name = company?.shortName || company?.name || t('app.name');
  return (
    <Link to="/" className="app-brand" style={{ color: 'inherit' }} aria-label={name}>
      {company?.logoUrl && <img src={company.logoUrl} alt="" />}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
    </Link>
  );
}
