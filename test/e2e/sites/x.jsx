// Replica of X's compose boxes, built on the real Draft.js 0.11.7 (as x.com uses) with React 18.
// Routes (client side, from location.pathname):
//   /, /home          timeline with the inline composer (tweetTextarea_0 + tweetButtonInline)
//   /compose/post     the timeline plus the compose dialog (a second tweetTextarea_0 + tweetButton)
//   /<user>/status/1  a post with a reply box (tweetTextarea_1 + its own tweetButtonInline "Reply")
//   timeline posts have reply / retweet / like buttons; reply opens a reply dialog
//   ([role=dialog][aria-modal=true], box x-reply-dialog, tweetTextarea_0 + tweetButton "Reply")
// ?react=legacy mounts with ReactDOM.render instead of createRoot.
// ?mobile=1 replaces the Draft.js editors with plain <textarea data-testid="tweetTextarea_N">
// (React-controlled, like the mobile web layout). ?feed=heavy: a busy 200-item timeline.
// ?lang=nl: the Dutch UI (strings in L below).
//
// Evidence key used in the comments: "X web bundle" = X's own client code as mirrored in public
// repositories (DzikStar/X-SCRAPER client-web/i18n/nl.js, ondemand/RichText.js), per
// ../shared/NOTES.md; "NOTES compose boxes" = the selectors maintained open-source extensions
// use (NOTES, "The sites' compose boxes"); "unverified" = no evidence, a structural guess.
import 'draft-js/dist/Draft.css';
import './common.css';
import './x.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { render as legacyRender } from 'react-dom';
import { Editor, EditorState, getDefaultKeyBinding } from 'draft-js';
import { Icon } from './icons.jsx';
import { useRoute, useToast } from './react-parts.jsx';
import {
  fileToDataUrl,
  h,
  iconEl,
  initials,
  installReplicaApi,
  mountBanner,
  mountFeed,
  NL,
  noteFocus,
  notePress,
  params,
  recordPost,
  registerBox,
} from './common.js';

const MOBILE = params.get('mobile') === '1';
const ME = { name: 'Juf Anna', handle: '@juf_anna' };

// Every UI string of this replica, English and Dutch, in one place.
const L = NL
  ? {
      post: 'Plaatsen', // X web bundle (DzikStar/X-SCRAPER client-web/i18n/nl.js, key ee69d769; not "Posten")
      reply: 'Beantwoorden', // X web bundle nl.js
      replyingTo: 'Als antwoord op', // X web bundle nl.js ("Replying to")
      placeholder: 'Wat houdt je bezig?', // X web bundle nl.js, key e349147c
      replyPlaceholder: 'Je antwoord plaatsen', // X web bundle nl.js, key ed1f39ec
      postText: 'Tekst plaatsen', // X web bundle nl.js, key f6bab0da (the editor's aria-label)
      addPhotos: "Foto's of video toevoegen", // unverified
      addEmoji: 'Emoji toevoegen', // X web bundle nl.js, key d4a4842e (its use on the button inferred)
      removeMedia: 'Media verwijderen', // unverified
      close: 'Sluiten', // unverified
      composePost: 'Post opstellen', // unverified
      drafts: 'Concepten', // unverified
      sent: 'Je post is verzonden.', // unverified
      forYou: 'Voor jou', // unverified
      following: 'Volgend', // unverified
      postTitle: 'Post', // unverified
      timeline: 'Tijdlijn: je Startpagina-tijdlijn', // unverified
      nav: ['Startpagina', 'Verkennen', 'Meldingen', 'Berichten', 'Bladwijzers', 'Profiel', 'Meer'], // unverified
      primary: 'Primair', // unverified
      search: 'Zoeken', // unverified
      happening: 'Wat er gebeurt', // unverified
      trending: 'Onderwijs · Trending', // unverified
      replies: (n) => `${n} antwoorden. Beantwoorden`, // unverified count format; "Beantwoorden" X web bundle nl.js
      reposts: (n) => `${n} repost. Reposten`, // unverified
      likes: (n) => `${n} vind-ik-leuks. Vind ik leuk`, // unverified
      liked: (n) => `${n} vind-ik-leuks. Vind ik niet meer leuk`, // unverified
      date: '10:12 · 14 mei 2025',
      focalText: 'Vandaag was de sportdag! Dank aan alle ouders die hielpen. ☀️',
    }
  : {
      post: 'Post', // NOTES compose boxes (tweetButton / tweetButtonInline)
      reply: 'Reply', // X web bundle (English of "Beantwoorden")
      replyingTo: 'Replying to', // X web bundle (English of "Als antwoord op")
      placeholder: 'What’s happening?', // X web bundle (DzikStar/X-SCRAPER client-web/i18n/en.js, key e349147c)
      replyPlaceholder: 'Post your reply', // X web bundle en.js, key ed1f39ec
      postText: 'Post text', // NOTES compose boxes (aria-label "Post text")
      addPhotos: 'Add photos or video', // unverified
      addEmoji: 'Add emoji', // X web bundle en.js, key d4a4842e (its use on the button inferred)
      removeMedia: 'Remove media', // unverified
      close: 'Close', // unverified
      composePost: 'Compose post', // unverified
      drafts: 'Drafts', // unverified
      sent: 'Your post was sent.', // unverified
      forYou: 'For you',
      following: 'Following',
      postTitle: 'Post',
      timeline: 'Timeline: Your Home Timeline', // unverified
      nav: ['Home', 'Explore', 'Notifications', 'Messages', 'Bookmarks', 'Profile', 'More'],
      primary: 'Primary',
      search: 'Search',
      happening: 'What’s happening',
      trending: 'Onderwijs · Trending',
      replies: (n) => `${n} Replies. Reply`, // unverified: structural guess (x.com's count + action)
      reposts: (n) => `${n} ${n === 1 ? "repost" : "reposts"}. Repost`, // unverified
      likes: (n) => `${n} Likes. Like`, // unverified
      liked: (n) => `${n} Likes. Liked`, // unverified
      date: '10:12 AM · 14 mei 2025',
      focalText: 'Vandaag was de sportdag! Dank aan alle ouders die hielpen. ☀️',
    };

/** macOS posts with Cmd+Enter, everything else with Ctrl+Enter (X web bundle: the composer's
 * keydown checks the platform). Decided from navigator.platform, as a page can. */
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * X's composer keydown posts only when `keyCode === 13` and the platform's modifier is held:
 * Ctrl, or Cmd (metaKey) on macOS only (X web bundle ondemand/RichText.js, per NOTES). So a
 * synthetic KeyboardEvent with key 'Enter' but keyCode 0 does not post, Ctrl+Enter on a Mac does
 * not post and Cmd+Enter elsewhere does not post. `e` is React's synthetic event (Draft.js's
 * keyBindingFn gets one too).
 */
function isPostKey(e) {
  const keyCode = e.keyCode || e.nativeEvent?.keyCode || 0;
  if (keyCode !== 13) return false;
  return IS_MAC ? e.metaKey === true : e.ctrlKey === true;
}

function Avatar({ name, small }) {
  return <div className={`x-avatar${small ? ' small' : ''}`}>{initials(name)}</div>;
}

function Toast({ text }) {
  if (!text) return null;
  return (
    <div className="replica-toast x-toast" role="alert" data-testid="toast">
      {text}
    </div>
  );
}

function Attachments({ media, onRemove }) {
  if (media.length === 0) return null;
  return (
    <div data-testid="attachments" className="x-attachments">
      {media.map((src, i) => (
        <div key={i} className="x-attachment">
          <img src={src} alt="" />
          <button type="button" aria-label={L.removeMedia} data-testid="removeMedia" onClick={() => onRemove(i)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** Draft.js editor wrapped like x.com's: container [data-testid=tweetTextarea_NRichTextInputContainer]. */
function DraftBox({ index, editorState, onChange, onPostKey, onFocus, autoFocus, placeholder }) {
  const editor = useRef(null);
  useEffect(() => {
    if (autoFocus) editor.current?.focus();
  }, [autoFocus]);
  const keyBindingFn = (e) => {
    if (isPostKey(e)) return 'replica-post';
    return getDefaultKeyBinding(e);
  };
  const handleKeyCommand = (command) => {
    if (command === 'replica-post') {
      onPostKey();
      return 'handled';
    }
    return 'not-handled';
  };
  return (
    <div data-testid={`tweetTextarea_${index}RichTextInputContainer`} className="x-rich-input">
      <Editor
        ref={editor}
        editorState={editorState}
        onChange={onChange}
        onFocus={onFocus}
        placeholder={placeholder}
        ariaLabel={L.postText}
        ariaMultiline
        ariaAutoComplete="list"
        role="textbox"
        spellCheck
        webDriverTestID={`tweetTextarea_${index}`}
        keyBindingFn={keyBindingFn}
        handleKeyCommand={handleKeyCommand}
        stripPastedStyles
      />
    </div>
  );
}

/** The mobile layout's plain textarea (React-controlled: the recorded text is React's state). */
function TextareaBox({ index, value, onChange, onPostKey, onFocus, autoFocus, placeholder }) {
  return (
    <div className="x-textarea-wrap">
      <textarea
        data-testid={`tweetTextarea_${index}`}
        aria-label={L.postText}
        placeholder={placeholder}
        value={value}
        autoFocus={autoFocus}
        dir="auto"
        rows={3}
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // Same rule as the Draft.js composer (X web bundle): keyCode 13 + Ctrl (Cmd on macOS).
          if (isPostKey(e)) {
            e.preventDefault();
            onPostKey();
          }
        }}
      />
    </div>
  );
}

/**
 * One compose box: editor, media toolbar, attachments and the post button. `box` is the name
 * recorded in window.__posted; `index` gives data-testid tweetTextarea_<index>.
 */
function Composer({ box, index, buttonTestId, buttonLabel, placeholder, inDialog, autoFocus, onPosted }) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const [plain, setPlain] = useState('');
  const [media, setMedia] = useState([]);
  // The latest state, so a post reads exactly what the editor holds at that moment.
  const latest = useRef({ editorState, plain, media });
  latest.current = { editorState, plain, media };
  const mounted = useRef(false);
  const fileInput = useRef(null);
  const rootRef = useRef(null);

  const text = MOBILE ? plain : editorState.getCurrentContent().getPlainText();
  const canPost = text.trim().length > 0 || media.length > 0;

  // Keep `latest` current from the change handlers too (React may render later).
  const onEditorChange = useCallback((s) => {
    latest.current = { ...latest.current, editorState: s };
    setEditorState(s);
  }, []);
  const onPlainChange = useCallback((v) => {
    latest.current = { ...latest.current, plain: v };
    setPlain(v);
  }, []);

  const reset = useCallback(() => {
    // Emptied while the user is still in the editor (posted by keyboard): keep the caret in it,
    // as x.com does, so typing on goes into the new empty draft in order.
    const focused = !!rootRef.current?.contains(document.activeElement);
    const empty = focused ? EditorState.moveFocusToEnd(EditorState.createEmpty()) : EditorState.createEmpty();
    setEditorState(empty);
    setPlain('');
    setMedia([]);
    latest.current = { editorState: empty, plain: '', media: [] };
  }, []);

  const post = useCallback(() => {
    const cur = latest.current;
    const t = MOBILE ? cur.plain : cur.editorState.getCurrentContent().getPlainText();
    if (t.trim().length === 0 && cur.media.length === 0) return;
    recordPost(box, t, cur.media.length);
    reset();
    onPosted?.();
  }, [box, reset, onPosted]);

  useEffect(() => {
    mounted.current = true;
    const unregister = registerBox({
      name: box,
      isMounted: () => mounted.current,
      inDialog: () => !!inDialog,
      read: () => (MOBILE ? latest.current.plain : latest.current.editorState.getCurrentContent().getPlainText()),
      attachImage: (url) => setMedia((m) => [...m, url]),
      clear: reset,
    });
    return () => {
      mounted.current = false;
      unregister();
    };
  }, [box, inDialog, reset]);

  const onFiles = async (e) => {
    const files = [...(e.target.files ?? [])];
    const urls = await Promise.all(files.map(fileToDataUrl));
    setMedia((m) => [...m, ...urls]);
    e.target.value = '';
  };

  const boxProps = {
    index,
    placeholder,
    autoFocus,
    onPostKey: post,
    onFocus: () => noteFocus(box),
  };

  return (
    <div ref={rootRef} className="x-composer" data-replica-box={box}>
      <Avatar name={ME.name} />
      <div className="x-composer-main">
        {MOBILE ? (
          <TextareaBox {...boxProps} value={plain} onChange={onPlainChange} />
        ) : (
          <DraftBox {...boxProps} editorState={editorState} onChange={onEditorChange} />
        )}
        <Attachments media={media} onRemove={(i) => setMedia((m) => m.filter((_, j) => j !== i))} />
        <div className="x-toolbar">
          <div className="x-tools">
            <button
              type="button"
              className="x-tool"
              aria-label={L.addPhotos}
              onClick={() => fileInput.current?.click()}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M3 5.5C3 4.119 4.119 3 5.5 3h13C19.881 3 21 4.119 21 5.5v13c0 1.381-1.119 2.5-2.5 2.5h-13C4.119 21 3 19.881 3 18.5v-13zM5.5 5c-.276 0-.5.224-.5.5v9.086l3-3 3 3 5-5 3 3V5.5c0-.276-.224-.5-.5-.5h-13zM19 15.414l-3-3-5 5-3-3-3 3V18.5c0 .276.224.5.5.5h13c.276 0 .5-.224.5-.5v-3.086zM9.75 7C8.784 7 8 7.784 8 8.75s.784 1.75 1.75 1.75 1.75-.784 1.75-1.75S10.716 7 9.75 7z" />
              </svg>
            </button>
            <input
              ref={fileInput}
              type="file"
              data-testid="fileInput"
              accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime"
              multiple
              tabIndex={-1}
              className="x-file-input"
              onChange={onFiles}
            />
            <span className="x-tool-dummy" aria-hidden="true">GIF</span>
            {/* A real button that publishes nothing: tests prove PostWijs never holds it back.
                Unverified: structural guess (x.com's composer has an emoji button). */}
            <button type="button" className="x-tool x-emoji" aria-label={L.addEmoji} onClick={() => notePress('x-emoji')}>
              <Icon name="smile" size={20} />
            </button>
          </div>
          <div className="x-post-area">
            {text.length > 0 && <span className="x-count">{280 - text.length}</span>}
            <button
              type="button"
              role="button"
              data-testid={buttonTestId}
              className="x-post-button"
              disabled={!canPost}
              aria-disabled={canPost ? undefined : 'true'}
              onClick={post}
            >
              <span>{buttonLabel}</span>
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

// The timeline is rendered outside React (mountFeed); its reply buttons open the App's reply
// dialog through this hook.
const timelineHooks = { reply: (_tweet) => {} };

function Timeline() {
  const ref = useRef(null);
  useEffect(() => mountFeed(ref.current, renderTweet), []);
  return <div ref={ref} aria-label={L.timeline} className="x-timeline" />;
}

function handleOf(item) {
  return `@${item.author.split(' ')[0].toLowerCase()}${item.id}`;
}

/** One of a post's action buttons, as x.com draws them: button[role=button][data-testid] with
 * an aria-label that carries the count (unverified: structural guess; the test ids reply,
 * retweet, like are what automation scripts use on x.com). */
function actionButton(testid, label, icon, ...count) {
  return h(
    'button',
    { type: 'button', role: 'button', 'data-testid': testid, 'aria-label': label, class: `x-action x-action-${testid}` },
    iconEl(icon),
    ' ',
    ...count,
  );
}

function renderTweet(item) {
  const handle = handleOf(item);
  const likes = h('span', { 'data-replica-likes': '' }, String(item.likes));
  const reply = actionButton('reply', L.replies(2), 'comment', '2');
  const retweet = actionButton('retweet', L.reposts(1), 'repost', '1');
  const like = actionButton('like', L.likes(item.likes), 'heart', likes);
  // Reply opens the reply dialog (a composer of its own); it publishes nothing by itself.
  reply.addEventListener('click', () => {
    notePress('x-reply-open');
    timelineHooks.reply({ author: item.author, handle, text: item.text });
  });
  // Retweet would open a menu on x.com; here it records nothing.
  retweet.addEventListener('click', () => notePress('x-retweet'));
  // Like toggles; x.com swaps the test id to "unlike" (unverified: structural guess).
  like.addEventListener('click', () => {
    const liked = like.getAttribute('data-testid') === 'unlike';
    item.likes += liked ? -1 : 1;
    likes.textContent = String(item.likes);
    like.setAttribute('data-testid', liked ? 'like' : 'unlike');
    like.setAttribute('aria-label', liked ? L.likes(item.likes) : L.liked(item.likes));
    like.classList.toggle('liked', !liked);
    notePress(liked ? 'x-unlike' : 'x-like');
  });
  return h(
    'article',
    { 'data-testid': 'tweet', class: 'x-tweet', tabindex: '0', role: 'article' },
    h('div', { class: 'x-avatar small' }, initials(item.author)),
    h(
      'div',
      { class: 'x-tweet-main' },
      h(
        'div',
        { class: 'x-tweet-head' },
        h('b', {}, item.author),
        h('span', { class: 'x-muted' }, ` ${handle} · `),
        h('span', { class: 'x-muted', 'data-replica-time': '' }, `${item.minutes} min`),
      ),
      h('div', { 'data-testid': 'tweetText', lang: 'nl', dir: 'auto' }, item.text),
      h('div', { class: 'x-actions', role: 'group' }, reply, retweet, like),
    ),
  );
}

/** "Replying to @handle" / "Als antwoord op @handle" (X web bundle nl.js). */
function ReplyingTo({ handle }) {
  return (
    <div className="x-replying">
      {L.replyingTo} <span className="x-link">{handle}</span>
    </div>
  );
}

function Home({ navigate, toast }) {
  return (
    <>
      <header className="x-column-header">
        <div className="x-tabs">
          <span className="x-tab active">{L.forYou}</span>
          <span className="x-tab">{L.following}</span>
        </div>
      </header>
      <Composer
        box="x-post"
        index={0}
        buttonTestId="tweetButtonInline"
        buttonLabel={L.post}
        placeholder={L.placeholder}
        onPosted={() => toast(L.sent)}
      />
      <Timeline />
    </>
  );
}

/** Escape closes a dialog (unverified: structural guess, as on x.com). */
function useEscape(close) {
  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}

/** The modal layer x.com draws its dialogs in: mask, [role=dialog][aria-modal=true], close. */
function DialogFrame({ titleId, title, close, children }) {
  useEscape(close);
  return (
    <div className="x-layers">
      <div className="x-mask" onClick={close} />
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="x-dialog">
        <div className="x-dialog-head">
          <button type="button" aria-label={L.close} data-testid="app-bar-close" className="x-close" onClick={close}>
            ✕
          </button>
          <h2 id={titleId} className="x-visually-hidden">
            {title}
          </h2>
          <span className="x-drafts">{L.drafts}</span>
        </div>
        {children}
      </div>
    </div>
  );
}

function ComposeDialog({ navigate, toast }) {
  const close = () => navigate('/home');
  return (
    <DialogFrame titleId="x-dialog-title" title={L.composePost} close={close}>
      <Composer
        box="x-dialog"
        index={0}
        buttonTestId="tweetButton"
        buttonLabel={L.post}
        placeholder={L.placeholder}
        inDialog
        autoFocus
        onPosted={() => {
          toast(L.sent);
          navigate('/home');
        }}
      />
    </DialogFrame>
  );
}

/** The dialog a timeline post's reply button opens: the post, "Replying to @handle" and a
 * composer (tweetTextarea_0 + tweetButton "Reply"). Unverified: structural guess, except the
 * strings (X web bundle) and the test ids (NOTES compose boxes). */
function ReplyDialog({ tweet, close, toast }) {
  return (
    <DialogFrame titleId="x-reply-title" title={L.reply} close={close}>
      <article data-testid="tweet" className="x-tweet x-quoted">
        <div className="x-avatar small">{initials(tweet.author)}</div>
        <div className="x-tweet-main">
          <div className="x-tweet-head">
            <b>{tweet.author}</b> <span className="x-muted">{tweet.handle}</span>
          </div>
          <div data-testid="tweetText" lang="nl" dir="auto">
            {tweet.text}
          </div>
        </div>
      </article>
      <ReplyingTo handle={tweet.handle} />
      <Composer
        box="x-reply-dialog"
        index={0}
        buttonTestId="tweetButton"
        buttonLabel={L.reply}
        placeholder={L.replyPlaceholder}
        inDialog
        autoFocus
        onPosted={() => {
          toast(L.sent);
          close();
        }}
      />
    </DialogFrame>
  );
}

function StatusPage({ toast }) {
  return (
    <>
      <header className="x-column-header">
        <div className="x-title">{L.postTitle}</div>
      </header>
      <article data-testid="tweet" className="x-tweet x-focal">
        <div className="x-avatar small">BS</div>
        <div className="x-tweet-main">
          <div className="x-tweet-head">
            <b>Basisschool De Regenboog</b> <span className="x-muted">@bs_regenboog</span>
          </div>
          <div data-testid="tweetText" lang="nl" className="x-focal-text">
            {L.focalText}
          </div>
          <div className="x-muted">{L.date}</div>
        </div>
      </article>
      <ReplyingTo handle="@bs_regenboog" />
      <Composer
        box="x-reply"
        index={1}
        buttonTestId="tweetButtonInline"
        buttonLabel={L.reply}
        placeholder={L.replyPlaceholder}
        onPosted={() => toast(L.sent)}
      />
      <Timeline />
    </>
  );
}

function Nav({ navigate }) {
  return (
    <nav className="x-nav" aria-label={L.primary}>
      <div className="x-logo" aria-label="X">
        𝕏
      </div>
      {L.nav.map((label, i) => (
        <a
          key={label}
          href={i === 0 ? '/home' : '#'}
          className="x-nav-item"
          onClick={(e) => {
            e.preventDefault();
            if (i === 0) navigate('/home');
          }}
        >
          {label}
        </a>
      ))}
      <a
        href="/compose/post"
        data-testid="SideNav_NewTweet_Button"
        className="x-nav-post"
        onClick={(e) => {
          e.preventDefault();
          navigate('/compose/post');
        }}
      >
        {L.post}
      </a>
    </nav>
  );
}

function App() {
  const [path, navigate] = useRoute();
  const [toastText, toast] = useToast();
  const [replyTo, setReplyTo] = useState(null);
  useEffect(() => {
    timelineHooks.reply = setReplyTo;
  }, []);
  const closeReply = useCallback(() => setReplyTo(null), []);
  const isCompose = /^\/compose\/(post|tweet)\/?$/.test(path);
  const isStatus = /\/status\/\d+/.test(path);
  return (
    <div className={`x-app${MOBILE ? ' mobile' : ''}`}>
      {!MOBILE && <Nav navigate={navigate} />}
      <main className="x-primary" role="main">
        {isStatus ? <StatusPage toast={toast} /> : <Home navigate={navigate} toast={toast} />}
      </main>
      {!MOBILE && (
        <aside className="x-sidebar">
          <div className="x-search">
            <Icon name="search" /> {L.search}
          </div>
          <div className="x-card">
            <h3>{L.happening}</h3>
            <p className="x-muted">{L.trending}</p>
            <p>
              <b>#schoolreis</b>
            </p>
          </div>
        </aside>
      )}
      {isCompose && <ComposeDialog navigate={navigate} toast={toast} />}
      {replyTo && !isCompose && <ReplyDialog tweet={replyTo} close={closeReply} toast={toast} />}
      <Toast text={toastText} />
    </div>
  );
}

installReplicaApi('x');
mountBanner();
const host = document.getElementById('root');
// ?react=legacy renders with React 18's legacy ReactDOM.render (synchronous, React 17 semantics)
// instead of createRoot (concurrent root, batched state updates).
if (params.get('react') === 'legacy') legacyRender(<App />, host);
else createRoot(host).render(<App />);
