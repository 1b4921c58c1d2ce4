// Replica of X's compose boxes, built on the real Draft.js 0.11.7 (as x.com uses) with React 18.
// Routes (client side, from location.pathname):
//   /, /home          timeline with the inline composer (tweetTextarea_0 + tweetButtonInline)
//   /compose/post     the timeline plus the compose dialog (a second tweetTextarea_0 + tweetButton)
//   /<user>/status/1  a post with a reply box (tweetTextarea_1 + its own tweetButtonInline "Reply")
// ?react=legacy mounts with ReactDOM.render instead of createRoot.
// ?mobile=1 replaces the Draft.js editors with plain <textarea data-testid="tweetTextarea_N">
// (React-controlled, like the mobile web layout). ?feed=heavy: a busy 200-item timeline.
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
  noteFocus,
  params,
  recordPost,
  registerBox,
} from './common.js';

const MOBILE = params.get('mobile') === '1';
const ME = { name: 'Juf Anna', handle: '@juf_anna' };

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
          <button type="button" aria-label="Remove media" data-testid="removeMedia" onClick={() => onRemove(i)}>
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
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return 'replica-post';
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
        ariaLabel="Post text"
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
        aria-label="Post text"
        placeholder={placeholder}
        value={value}
        autoFocus={autoFocus}
        dir="auto"
        rows={3}
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
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
    setEditorState(EditorState.createEmpty());
    setPlain('');
    setMedia([]);
    latest.current = { editorState: EditorState.createEmpty(), plain: '', media: [] };
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
    <div className="x-composer" data-replica-box={box}>
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
              aria-label="Add photos or video"
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
            <span className="x-tool-dummy" aria-hidden="true">
              <Icon name="smile" size={20} />
            </span>
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

function Timeline() {
  const ref = useRef(null);
  useEffect(() => mountFeed(ref.current, renderTweet), []);
  return <div ref={ref} aria-label="Timeline: Your Home Timeline" className="x-timeline" />;
}

function renderTweet(item) {
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
        h('span', { class: 'x-muted' }, ` @${item.author.split(' ')[0].toLowerCase()}${item.id} · `),
        h('span', { class: 'x-muted', 'data-replica-time': '' }, `${item.minutes} min`),
      ),
      h('div', { 'data-testid': 'tweetText', lang: 'nl', dir: 'auto' }, item.text),
      h(
        'div',
        { class: 'x-actions', role: 'group' },
        h('span', {}, iconEl('comment'), ' 2'),
        h('span', {}, iconEl('repost'), ' 1'),
        h('span', {}, iconEl('heart'), ' ', h('span', { 'data-replica-likes': '' }, String(item.likes))),
      ),
    ),
  );
}

function Home({ navigate, toast }) {
  return (
    <>
      <header className="x-column-header">
        <div className="x-tabs">
          <span className="x-tab active">For you</span>
          <span className="x-tab">Following</span>
        </div>
      </header>
      <Composer
        box="x-post"
        index={0}
        buttonTestId="tweetButtonInline"
        buttonLabel="Post"
        placeholder="What is happening?!"
        onPosted={() => toast('Your post was sent.')}
      />
      <Timeline />
    </>
  );
}

function ComposeDialog({ navigate, toast }) {
  const close = () => navigate('/home');
  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <div className="x-layers">
      <div className="x-mask" onClick={close} />
      <div role="dialog" aria-modal="true" aria-labelledby="x-dialog-title" className="x-dialog">
        <div className="x-dialog-head">
          <button type="button" aria-label="Close" data-testid="app-bar-close" className="x-close" onClick={close}>
            ✕
          </button>
          <h2 id="x-dialog-title" className="x-visually-hidden">
            Compose post
          </h2>
          <span className="x-drafts">Drafts</span>
        </div>
        <Composer
          box="x-dialog"
          index={0}
          buttonTestId="tweetButton"
          buttonLabel="Post"
          placeholder="What is happening?!"
          inDialog
          autoFocus
          onPosted={() => {
            toast('Your post was sent.');
            navigate('/home');
          }}
        />
      </div>
    </div>
  );
}

function StatusPage({ toast }) {
  return (
    <>
      <header className="x-column-header">
        <div className="x-title">Post</div>
      </header>
      <article data-testid="tweet" className="x-tweet x-focal">
        <div className="x-avatar small">BS</div>
        <div className="x-tweet-main">
          <div className="x-tweet-head">
            <b>Basisschool De Regenboog</b> <span className="x-muted">@bs_regenboog</span>
          </div>
          <div data-testid="tweetText" lang="nl" className="x-focal-text">
            Vandaag was de sportdag! Dank aan alle ouders die hielpen. ☀️
          </div>
          <div className="x-muted">10:12 AM · 14 mei 2025</div>
        </div>
      </article>
      <div className="x-replying">
        Replying to <span className="x-link">@bs_regenboog</span>
      </div>
      <Composer
        box="x-reply"
        index={1}
        buttonTestId="tweetButtonInline"
        buttonLabel="Reply"
        placeholder="Post your reply"
        onPosted={() => toast('Your post was sent.')}
      />
      <Timeline />
    </>
  );
}

function Nav({ navigate }) {
  const items = ['Home', 'Explore', 'Notifications', 'Messages', 'Bookmarks', 'Profile', 'More'];
  return (
    <nav className="x-nav" aria-label="Primary">
      <div className="x-logo" aria-label="X">
        𝕏
      </div>
      {items.map((i) => (
        <a
          key={i}
          href={i === 'Home' ? '/home' : '#'}
          className="x-nav-item"
          onClick={(e) => {
            e.preventDefault();
            if (i === 'Home') navigate('/home');
          }}
        >
          {i}
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
        Post
      </a>
    </nav>
  );
}

function App() {
  const [path, navigate] = useRoute();
  const [toastText, toast] = useToast();
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
            <Icon name="search" /> Search
          </div>
          <div className="x-card">
            <h3>What’s happening</h3>
            <p className="x-muted">Onderwijs · Trending</p>
            <p>
              <b>#schoolreis</b>
            </p>
          </div>
        </aside>
      )}
      {isCompose && <ComposeDialog navigate={navigate} toast={toast} />}
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
