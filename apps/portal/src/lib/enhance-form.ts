import { enhance } from '$app/forms';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhanceForm` on a workspace form: with JavaScript, the form is answered without reloading
 * the page, and the reader is then put where the page without JavaScript would open: at the item
 * a button acted on (the `#fragment` of its formaction), at the error summary, or at the message
 * saying what happened, each scrolled into view and focused. Redirects ("Save and continue") become
 * navigations in the page. Without JavaScript nothing changes: the form posts as it always did.
 */
export function enhanceForm(form: HTMLFormElement) {
  // A form that posts to another page is answered there, as without JavaScript: its answer is
  // that page's to show, not this one's.
  // (The attribute, not `form.action`: a field named "action" would stand in for that.)
  if (new URL(form.getAttribute('action') ?? '', location.href).pathname !== location.pathname) return;
  // Marked so that a style or a test can tell the form answers in place.
  form.dataset.enhanced = '';
  return enhance(form, answerInPlace);
}

/** Said on the page once its script has started, for styles and for tests to wait on. */
export function markPageEnhanced(): void {
  document.documentElement.setAttribute('data-enhanced', '');
}

/**
 * What the reader typed, ticked or chose before the page's script started, to be put back once it
 * has: drawing the page over the server's HTML sets every field to what the server sent.
 */
export function keepWhatWasTyped(): (() => void)[] {
  const putBack: (() => void)[] = [];
  for (const field of document.querySelectorAll('input')) {
    const { checked, value } = field;
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (checked !== field.defaultChecked) putBack.push(() => (field.checked = checked));
    } else if (field.type !== 'file' && value !== field.defaultValue) putBack.push(() => (field.value = value));
  }
  for (const field of document.querySelectorAll('textarea')) {
    const { value } = field;
    if (value !== field.defaultValue) putBack.push(() => (field.value = value));
  }
  for (const option of document.querySelectorAll('option')) {
    const { selected } = option;
    if (selected !== option.defaultSelected) putBack.push(() => (option.selected = selected));
  }
  return putBack;
}

const main = () => document.getElementById('main-content');

const answerInPlace: SubmitFunction = ({ action, cancel }) => {
  const region = main();
  // A second press while the first is being answered would send the form twice.
  if (region?.getAttribute('aria-busy') === 'true') return cancel();
  region?.setAttribute('aria-busy', 'true');
  return async ({ result, update }) => {
    try {
      // Nothing to reset: the page draws its forms afresh from each answer (enhanced-page.svelte).
      await update({ reset: false });
      // After a redirect the new page opens at its top (or its #fragment), as a page load would.
      if (result.type !== 'redirect') await showPlace(decodeURIComponent(action.hash.slice(1)));
    } finally {
      region?.removeAttribute('aria-busy');
    }
  };
};

/** Where the page without JavaScript would open, chosen once the answer is drawn. */
async function showPlace(id: string): Promise<void> {
  // SvelteKit resets focus in a task of its own after drawing the answer: choose after it.
  await new Promise((resolve) => setTimeout(resolve));
  const region = main();
  const place =
    (id ? document.getElementById(id) : null) ??
    region?.querySelector<HTMLElement>('.govuk-error-summary') ??
    region?.querySelector<HTMLElement>('[role="status"]');
  if (place) return focusOn(place);
  // Nothing to point at: the top of the page, as a page load would show it.
  region?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function focusOn(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
    // Focusable only while focused, so a click inside an item does not outline the whole of it.
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.scrollIntoView({ block: 'start' });
  element.focus({ preventScroll: true });
}
