import { hashOf, type Place } from '../route';

interface Props {
  place: Place;
  /** Clicking where one already is changes no hash, so it asks for a fresh listing instead. */
  onRefresh: () => void;
}

interface Crumb {
  label: string;
  href: string;
}

function crumbsOf(place: Place): Crumb[] {
  const crumbs: Crumb[] = [{ label: 'Containers', href: hashOf({ container: '', prefix: '' }) }];
  if (!place.container) return crumbs;
  crumbs.push({ label: place.container, href: hashOf({ container: place.container, prefix: '' }) });
  let prefix = '';
  for (const segment of place.prefix.split('/').slice(0, -1)) {
    prefix += `${segment}/`;
    crumbs.push({ label: segment || '(no name)', href: hashOf({ container: place.container, prefix }) });
  }
  return crumbs;
}

export function Breadcrumbs({ place, onRefresh }: Props) {
  const crumbs = crumbsOf(place);
  return (
    <nav aria-label="Location" class="breadcrumbs" data-testid="breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => {
          const current = i === crumbs.length - 1;
          return (
            <li key={crumb.href}>
              <a
                href={crumb.href}
                data-testid="crumb"
                aria-current={current ? 'page' : undefined}
                onClick={
                  current
                    ? (event) => {
                        event.preventDefault();
                        onRefresh();
                      }
                    : undefined
                }
              >
                {crumb.label}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
