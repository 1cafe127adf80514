import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from '../router';

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The admin's navigation. On a wide screen it is a column always shown (the menu button is not
 * displayed); on a narrow one it folds into a bar naming the screen open now, and the menu button
 * shows the links and `account` below it. Choosing a link, going back or forward, and Escape
 * fold it again.
 */
export function AdminNav({ items, path, account, contentId }: { items: readonly NavItem[]; path: string; account: ReactNode; contentId: string }) {
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Open on the path it was opened at: moving to another screen by any means folds it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === path;
  const current = items.find((item) => isCurrent(item.to, path));

  const followed = () => {
    if (!open) return;
    setOpenAt(null);
    // The link chosen folds away with the menu: the keyboard goes on from the screen it opened.
    document.getElementById(contentId)?.focus();
  };
  const escape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    setOpenAt(null);
    button.current?.focus();
  };

  return (
    <nav aria-label="Admin" onKeyDown={escape}>
      <div className="nav-bar">
        <p className="brand">
          <Link to="/" onClick={followed}>
            Masthead
          </Link>
        </p>
        {current && <p className="nav-current">{current.label}</p>}
        <button ref={button} type="button" className="menu-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpenAt(open ? null : path)}>
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
      </div>
      <div id={menuId} className={open ? 'nav-menu open' : 'nav-menu'}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <Link to={item.to} onClick={followed} aria-current={item === current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        {account}
      </div>
    </nav>
  );
}

function isCurrent(to: string, path: string): boolean {
  return to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
}
