import { useEffect, useState } from 'preact/hooks';
import { containerUsage, setContainerQuota, type ContainerUsage, type Quota, type Usage } from '../../api/admin';
import { SessionExpiredError, messageOf } from '../../api/errors';
import { formatBytes, formatCount } from '../../format';
import { QuotaFields } from './QuotaFields';
import type { Feedback } from './Feedback';

interface Props {
  account: string;
  container: ContainerUsage;
  feedback: Feedback;
}

/** One container: its use from the listing, its quota from a HEAD of its own. */
export function ContainerQuotaRow({ account, container, feedback }: Props) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [problem, setProblem] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    containerUsage(account, container.name).then(
      (next) => live && setUsage(next),
      (e) => live && !(e instanceof SessionExpiredError) && setProblem(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [account, container.name, version]);

  const save = async (quota: Quota) => {
    try {
      await setContainerQuota(account, container.name, quota);
      feedback.succeed(`Saved the quota of the container ${container.name}`);
      // Show what was saved at once; the HEAD that follows confirms it.
      setUsage((u) => u && { ...u, quotaBytes: quota.bytes, quotaCount: quota.count });
      setVersion((v) => v + 1);
    } catch (e) {
      feedback.fail(e);
    }
  };

  const bytes = usage?.bytes ?? container.bytes;
  const count = usage?.count ?? container.count;
  return (
    <tr data-testid="admin-container-quota" data-container={container.name}>
      <td class="admin-primary admin-wrap" data-label="Container">
        {container.name}
      </td>
      <td data-label="Used">
        {formatBytes(bytes)}
        {usage?.quotaBytes != null && <span class="muted"> of {formatBytes(usage.quotaBytes)}</span>}
        <br />
        {formatCount(count)} objects
        {usage?.quotaCount != null && <span class="muted"> of {formatCount(usage.quotaCount)}</span>}
      </td>
      <td class="admin-cq-cell" data-label="Quota">
        {usage ? (
          <QuotaFields
            key={version}
            compact
            subject={container.name}
            quota={{ bytes: usage.quotaBytes, count: usage.quotaCount }}
            ids={{ bytes: 'admin-cq-bytes', count: 'admin-cq-count', save: 'admin-cq-save' }}
            onSave={save}
            onInvalid={feedback.fail}
          />
        ) : problem ? (
          <span class="admin-problem">Could not read the quota: {problem}</span>
        ) : (
          <span class="muted">Loading…</span>
        )}
      </td>
    </tr>
  );
}
