// The jobs area of the sidebar: running jobs with progress and cancel, then the last few that ended.
import { JobRow } from './JobRow';
import { clearFinishedJobs, useJobs } from './useJobs';

export function JobsPanel() {
  const jobs = useJobs();
  const running = jobs.filter((j) => j.state === 'running');
  const ended = jobs.filter((j) => j.state !== 'running').slice(0, 4);
  if (jobs.length === 0) return <div className="jobs jobs-empty" />;
  return (
    <section className="jobs" aria-label="Jobs">
      <div className="nav-heading">
        Jobs{running.length ? <span className="count">{running.length}</span> : null}
        {ended.length ? (
          <button type="button" className="link-button" onClick={clearFinishedJobs}>
            Clear
          </button>
        ) : null}
      </div>
      <ul className="job-list">
        {[...running, ...ended].map((j) => (
          <JobRow key={j.id} job={j} />
        ))}
      </ul>
    </section>
  );
}
