import { extensionApi, fromUs } from './extension-api.ts';
import { draftReport, draftStatus, parseMessage, type ContentRequest, type DraftReport, type DraftStatus } from './messages.ts';

// The popup's and the background's side of the messages in messages.ts (the content script's
// side is content-messaging.ts). Receivers accept only messages from this extension itself
// that fit their schema; anything else is ignored.

/** Popup: ask the content script of the active tab. Undefined when that tab has none (not one
 * of the three sites, or loaded before PostWijs was installed) or its answer does not fit. */
export async function askActiveTab(request: ContentRequest): Promise<DraftReport | undefined> {
  const api = extensionApi();
  if (!api?.tabs) return undefined;
  try {
    // The active tab of the last focused browser window: the toolbar popup is no window of
    // its own, and the same popup opened as a window (the E2E tests do) finds the same tab.
    const window = await api.windows?.getLastFocused({ windowTypes: ['normal'] });
    if (window?.id === undefined) return undefined;
    const [tab] = await api.tabs.query({ active: true, windowId: window.id });
    if (tab?.id === undefined) return undefined;
    return parseMessage(draftReport, await api.tabs.sendMessage(tab.id, request));
  } catch {
    return undefined;
  }
}

/** Background: each content script's draft status, with the tab it came from. */
export function onDraftStatus(handler: (tabId: number, status: DraftStatus) => void): void {
  extensionApi()?.runtime?.onMessage?.addListener((message, sender) => {
    const status = fromUs(sender) ? parseMessage(draftStatus, message) : undefined;
    if (status && sender.tab?.id !== undefined) handler(sender.tab.id, status);
    return false;
  });
}

// The overlay badge's colours (src/content/ui-styles.ts), so both badges look alike.
const BADGE_COLOR = { error: '#b42318', warning: '#9a4d00', info: '#175cd3' } as const;

/** Background: the toolbar badge of one tab shows the number of findings of its draft. */
export async function showBadge(tabId: number, status: DraftStatus, title: string): Promise<void> {
  const action = extensionApi()?.action;
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text: status.count ? String(status.count) : '' });
    if (status.worst) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR[status.worst] });
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await action.setTitle({ tabId, title });
  } catch {
    // The tab closed meanwhile.
  }
}
