// Replica of Instagram's caption editor (/create, Lexical 0.52 like instagram.com) and comment
// box (/p/<id>, a React-controlled textarea). Other paths: the home feed. The create flow always
// has media (a generated photo). ?feed=heavy: a busy 200-item feed.
import './common.css';
import './instagram.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LexicalEditor, clearEditor, editorText } from './lexical.jsx';
import { Icon } from './icons.jsx';
import { RoleButton, useRoute, useToast } from './react-parts.jsx';
import {
  h,
  iconEl,
  initials,
  installReplicaApi,
  makeImageDataUrl,
  mountBanner,
  mountFeed,
  noteFocus,
  recordPost,
  registerBox,
} from './common.js';

const ME = 'juf.anna';

/** Instagram's buttons: div[role=button] with its class. */
const IgButton = (props) => <RoleButton base="ig-btn" {...props} />;

function Avatar({ name, size = 32 }) {
  return (
    <div className="ig-avatar" style={{ width: size, height: size, fontSize: size * 0.38 }}>
      <span>{initials(name.replace(/[._]/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()))}</span>
    </div>
  );
}

/** The toast as an element, as Instagram shows it. */
function useToastElement() {
  const [text, show] = useToast();
  const el = text ? (
    <div role="alert" className="replica-toast ig-toast">
      {text}
    </div>
  ) : null;
  return [el, show];
}

function CreateDialog({ navigate, toast }) {
  const editorRef = useRef(null);
  const [text, setText] = useState('');
  const [media, setMedia] = useState(() => [makeImageDataUrl()]);
  const [shown, setShown] = useState(0);
  const mediaRef = useRef(media);
  mediaRef.current = media;

  useEffect(
    () =>
      registerBox({
        name: 'ig-caption',
        isMounted: () => !!editorRef.current,
        inDialog: () => true,
        read: () => (editorRef.current ? editorText(editorRef.current) : null),
        attachImage: (url) => setMedia((m) => [...m, url]),
        clear: () => {
          if (editorRef.current) clearEditor(editorRef.current);
          setMedia([makeImageDataUrl()]);
          setShown(0);
        },
      }),
    [],
  );

  const share = () => {
    const editor = editorRef.current;
    if (!editor) return;
    recordPost('ig-caption', editorText(editor), mediaRef.current.length);
    clearEditor(editor);
    setMedia([makeImageDataUrl()]);
    setShown(0);
    toast('Your post has been shared.');
  };

  return (
    <div className="ig-layer">
      <div className="ig-mask" onClick={() => navigate('/')} />
      <div role="dialog" aria-modal="true" aria-label="Create new post" className="ig-create">
        <div className="ig-create-head">
          <IgButton aria-label="Back" className="ig-back" onPress={() => navigate('/')}>
            ←
          </IgButton>
          <h1>Create new post</h1>
          <IgButton className="ig-share" onPress={share}>
            Share
          </IgButton>
        </div>
        <div className="ig-create-body">
          <div className="ig-create-media" aria-label="Media preview">
            <img src={media[Math.min(shown, media.length - 1)]} alt="Photo preview" />
            {media.length > 1 && (
              <div className="ig-dots">
                {media.map((_, i) => (
                  <span key={i} className={i === shown ? 'on' : ''} onClick={() => setShown(i)} />
                ))}
              </div>
            )}
          </div>
          <div className="ig-create-side">
            <div className="ig-user">
              <Avatar name={ME} size={28} />
              <b>{ME}</b>
            </div>
            <LexicalEditor
              namespace="ig-caption"
              mode="plain"
              ariaLabel="Write a caption..."
              placeholder="Write a caption..."
              className="ig-caption"
              editorRef={editorRef}
              onText={setText}
              onFocus={() => noteFocus('ig-caption')}
              autoFocus
            />
            <div className="ig-caption-foot">
              <Icon name="smile" size={20} />
              <span className="ig-muted">{text.length.toLocaleString('en')}/2,200</span>
            </div>
            <div className="ig-row">
              Add location <Icon name="pin" />
            </div>
            <div className="ig-row">
              Add collaborators <Icon name="tag" />
            </div>
            <div className="ig-row">Accessibility ⌄</div>
            <div className="ig-row">Advanced settings ⌄</div>
          </div>
        </div>
      </div>
    </div>
  );
}

function CommentForm({ onComment }) {
  const [value, setValue] = useState('');
  // React state is what gets posted, as on instagram.com (setting .value alone does not count).
  const latest = useRef(value);
  latest.current = value;
  const submit = () => {
    const t = latest.current;
    if (t.trim().length === 0) return;
    recordPost('ig-comment', t, 0);
    onComment(t);
    setValue('');
  };
  useEffect(
    () =>
      registerBox({
        name: 'ig-comment',
        isMounted: () => true,
        read: () => latest.current,
        clear: () => {
          latest.current = '';
          setValue('');
        },
      }),
    [],
  );
  return (
    <section className="ig-comment-section">
      <form method="POST" className="ig-comment-form" onSubmit={(e) => e.preventDefault()}>
        <span className="ig-emoji">
          <Icon name="smile" size={24} />
        </span>
        <textarea
          aria-label="Add a comment…"
          placeholder="Add a comment…"
          autoComplete="off"
          autoCorrect="off"
          className="ig-comment-input"
          rows={1}
          value={value}
          onFocus={() => noteFocus('ig-comment')}
          onChange={(e) => {
            latest.current = e.target.value;
            setValue(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <IgButton className="ig-post-comment" disabled={value.trim().length === 0} onPress={submit}>
          Post
        </IgButton>
      </form>
    </section>
  );
}

function PostPage() {
  const image = useRef(null);
  if (!image.current) image.current = makeImageDataUrl();
  const [comments, setComments] = useState([{ author: 'mark.pieters', text: 'Wat een mooie dag!' }]);
  return (
    <div className="ig-post-page">
      <article className="ig-post-view">
        <div className="ig-post-media">
          <img src={image.current} alt="Photo by bs.regenboog" />
        </div>
        <div className="ig-post-side">
          <div className="ig-user ig-border">
            <Avatar name="bs.regenboog" />
            <b>bs.regenboog</b>
            <span className="ig-muted">· Follow</span>
          </div>
          <ul className="ig-comments">
            <li>
              <Avatar name="bs.regenboog" />
              <div>
                <b>bs.regenboog</b> Sportdag! Dank aan alle ouders die hielpen. ☀️
              </div>
            </li>
            {comments.map((c, i) => (
              <li key={i}>
                <Avatar name={c.author} />
                <div>
                  <b>{c.author}</b> {c.text}
                </div>
              </li>
            ))}
          </ul>
          <div className="ig-actions ig-border-top">
            <Icon name="heart" size={24} />
            <Icon name="comment" size={24} />
            <Icon name="send" size={24} />
            <Icon name="bookmark" size={24} className="ig-save" />
          </div>
          <div className="ig-likes">
            <b>128 likes</b>
            <div className="ig-muted ig-small">2 HOURS AGO</div>
          </div>
          <CommentForm onComment={(t) => setComments((cs) => [...cs, { author: ME, text: t }])} />
        </div>
      </article>
    </div>
  );
}

function renderFeedItem(item) {
  const handle = item.author.toLowerCase().replace(/\s+/g, '.');
  return h(
    'article',
    { class: 'ig-feed-item' },
    h('div', { class: 'ig-user' }, h('div', { class: 'ig-avatar', style: 'width:32px;height:32px;font-size:12px' }, initials(item.author)), h('b', {}, handle), h('span', { class: 'ig-muted', 'data-replica-time': '' }, ` · ${item.minutes} min`)),
    h('div', { class: 'ig-feed-photo', style: `background: hsl(${(item.id * 47) % 360} 60% 75%)` }),
    h('div', { class: 'ig-actions' }, iconEl('heart', 24), iconEl('comment', 24), iconEl('send', 24)),
    h('div', { class: 'ig-likes' }, h('b', {}, h('span', { 'data-replica-likes': '' }, String(item.likes)), ' likes')),
    h('div', { class: 'ig-feed-caption' }, h('b', {}, handle), ' ', item.text),
  );
}

function Home() {
  const ref = useRef(null);
  useEffect(() => mountFeed(ref.current, renderFeedItem, { count: 3 }), []);
  return (
    <div className="ig-home">
      <div className="ig-stories">
        {['juf.anna', 'bs.regenboog', 'mark.pieters', 'sanne.db', 'daan.j'].map((n) => (
          <div key={n} className="ig-story">
            <div className="ig-ring">
              <Avatar name={n} size={56} />
            </div>
            <span>{n}</span>
          </div>
        ))}
      </div>
      <div ref={ref} className="ig-feed" />
    </div>
  );
}

function Nav({ navigate }) {
  const items = [
    ['Home', '/'],
    ['Search', null],
    ['Explore', null],
    ['Reels', null],
    ['Messages', null],
    ['Notifications', null],
    ['Create', '/create'],
    ['Profile', null],
  ];
  return (
    <nav className="ig-nav">
      <div className="ig-logo">Instagram</div>
      {items.map(([label, to]) => (
        <a
          key={label}
          href={to ?? '#'}
          className="ig-nav-item"
          onClick={(e) => {
            e.preventDefault();
            if (to) navigate(to);
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

function App() {
  const [path, navigate] = useRoute();
  const [toastEl, toast] = useToastElement();
  const isCreate = /^\/create(\/|$)/.test(path);
  const isPost = /^\/p\/[^/]+/.test(path);
  return (
    <div className="ig-app">
      <Nav navigate={navigate} />
      <main role="main" className="ig-main">
        {isPost ? <PostPage /> : <Home />}
      </main>
      {isCreate && <CreateDialog navigate={navigate} toast={toast} />}
      {toastEl}
    </div>
  );
}

installReplicaApi('instagram');
mountBanner();
createRoot(document.getElementById('root')).render(<App />);
