/** What parents and carers will see of a plan on the parent portal, or why they see nothing. */
import { Panel } from '../components/Page';
import { ContactList } from './PlanBits';
import { whyParentsSeeNothing, type CasePlan } from './plansApi';

/** The "What parents will see" panel of a plan's page. */
export function PlanParentsView({ data }: { data: CasePlan }) {
  const p = data.plan;
  const view = data.parentView;
  return (
    <Panel title="What parents will see">
      {view === null ? (
        <p>{whyParentsSeeNothing(p)}</p>
      ) : (
        <>
          <p>
            On the parent portal, parents and carers see these parts of version {view.version}
            {view.version !== p.version
              ? `, the last agreed version. Version ${String(p.version)} will show once it is agreed.`
              : '.'}{' '}
            Nothing else in the plan is shown to them.
          </p>
          {view.sections.map((s) => (
            <div key={s.key} className="plan-content__section">
              <h3 className="heading-s plan-content__title">{s.label}</h3>
              <p className="pre-line">{s.text}</p>
            </div>
          ))}
          {view.contacts.length > 0 && (
            <div className="plan-content__section">
              <h3 className="heading-s plan-content__title">Emergency contacts</h3>
              <ContactList contacts={view.contacts} />
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
