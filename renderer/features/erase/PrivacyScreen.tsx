// The Privacy screen: erase a data subject across every dataset (GDPR Art. 17), and the audit log.
import { useState } from 'react';
import { AuditLogView } from './AuditLogView';
import { EraseSubject } from './EraseSubject';
import './erase.css';

export function PrivacyScreen() {
  const [tab, setTab] = useState<'erase' | 'audit'>('erase');
  return (
    <section className="screen privacy" data-testid="privacy">
      <header className="screen-head">
        <h1>Privacy</h1>
        <span className="screen-sub">Right to erasure (GDPR Art. 17)</span>
        <div className="spacer" />
        <div className="button-group" role="tablist" aria-label="Privacy">
          <button type="button" role="tab" aria-selected={tab === 'erase'} className={`button button-secondary${tab === 'erase' ? ' pressed' : ''}`} onClick={() => setTab('erase')} data-testid="tab-erase">
            Erase a subject
          </button>
          <button type="button" role="tab" aria-selected={tab === 'audit'} className={`button button-secondary${tab === 'audit' ? ' pressed' : ''}`} onClick={() => setTab('audit')} data-testid="tab-audit">
            Audit log
          </button>
        </div>
      </header>
      <div className="privacy-body">{tab === 'erase' ? <EraseSubject onShowAudit={() => setTab('audit')} /> : <AuditLogView />}</div>
    </section>
  );
}
