// Replica of Instagram's caption editor (/create, Lexical 0.52 like instagram.com) and comment
// boxes (/p/<id>, and the post dialog a home feed item opens: React-controlled textareas in
// form[method=POST]). Other paths: the home feed. The create flow always has media (a generated
// photo). ?lang=nl: Dutch labels (all strings in L below). ?feed=heavy: a busy 200-item feed.
//
// Evidence key used in the comments: "posting scripts" = Instagram posting scripts 2025-26 as
// summarised in ../shared/NOTES.md ("Corrections and additions"); "NOTES compose boxes" = the
// selectors maintained open-source extensions use (NOTES, "The sites' compose boxes");
// "unverified" = no evidence, a structural guess. NOTES: Dutch labels were seen only in other
// projects' fixtures, so every Dutch string here is unverified.
import './common.css';
import './instagram.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LexicalEditor, clearEditor, editorText } from './lexical.jsx';
import { Icon, TitledIcon } from './icons.jsx';
import { RoleButton, useRoute, useToast } from './react-parts.jsx';
import {
  h,
  iconEl,
  initials,
  installReplicaApi,
  makeImageDataUrl,
  mountBanner,
  mountFeed,
  NL,
  noteFocus,
  notePress,
  recordPost,
  registerBox,
} from './common.js';

const ME = 'juf.anna';

// Every UI string of this replica, English and Dutch, in one place.
const L = NL
  ? {
      caption: 'Schrijf een bijschrift...', // unverified
      share: 'Delen', // unverified
      createPost: 'Nieuw bericht maken', // unverified
      addComment: 'Voeg een reactie toe…', // unverified
      postComment: 'Plaatsen', // unverified
      back: 'Terug',
      close: 'Sluiten',
      mediaPreview: 'Mediavoorbeeld',
      photoPreview: 'Fotovoorbeeld',
      addLocation: 'Locatie toevoegen',
      addCollaborators: 'Samenwerkers toevoegen',
      accessibility: 'Toegankelijkheid',
      advanced: 'Geavanceerde instellingen',
      shared: 'Je bericht is gedeeld.',
      like: 'Vind ik leuk', // unverified
      unlike: 'Vind ik niet meer leuk', // unverified
      comment: 'Reageren', // unverified
      sharePost: 'Delen', // unverified
      shareTo: 'Delen', // unverified (title of the share list)
      save: 'Opslaan', // unverified
      remove: 'Verwijderen', // unverified
      emoji: 'Emoji', // unverified
      likes: (n) => `${n} vind-ik-leuks`,
      follow: 'Volgen',
      hoursAgo: '2 UUR GELEDEN',
      photoBy: (who) => `Foto door ${who}`,
      nav: ['Startpagina', 'Zoeken', 'Ontdekken', 'Reels', 'Berichten', 'Meldingen', 'Maken', 'Profiel'],
      schoolCaption: 'Sportdag! Dank aan alle ouders die hielpen. ☀️',
      send: 'Versturen',
    }
  : {
      caption: 'Write a caption...', // NOTES compose boxes; posting scripts
      share: 'Share', // posting scripts: Share is a div[role=button]
      createPost: 'Create new post', // a public Instagram posting playbook ("the dialog with heading Create new post")
      addComment: 'Add a comment…', // NOTES compose boxes: textarea[aria-label="Add a comment…"]
      postComment: 'Post', // public Instagram bot (2026-01): a div[role=button] "Post" (older builds button[type=submit])
      back: 'Back',
      close: 'Close',
      mediaPreview: 'Media preview',
      photoPreview: 'Photo preview',
      addLocation: 'Add location',
      addCollaborators: 'Add collaborators',
      accessibility: 'Accessibility',
      advanced: 'Advanced settings',
      shared: 'Your post has been shared.',
      like: 'Like', // svg[aria-label="Like"] (public Instagram bot 2026-01); the <title> is unverified
      unlike: 'Unlike', // same bot
      comment: 'Comment', // same bot
      sharePost: 'Share', // svg[aria-label="Share"] (public Instagram bot verified 2026-01; not "Share Post")
      shareTo: 'Share', // unverified
      save: 'Save', // same bot
      remove: 'Remove', // unverified
      emoji: 'Emoji', // unverified
      likes: (n) => `${n} likes`,
      follow: 'Follow',
      hoursAgo: '2 HOURS AGO',
      photoBy: (who) => `Photo by ${who}`,
      nav: ['Home', 'Search', 'Explore', 'Reels', 'Messages', 'Notifications', 'Create', 'Profile'],
      schoolCaption: 'Sportdag! Dank aan alle ouders die hielpen. ☀️',
      send: 'Send',
    };
const NAV_TARGETS = ['/', null, null, null, null, null, '/create', null];

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

/** Escape closes a dialog (unverified: structural guess). */
function useEscape(close) {
  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
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
    toast(L.shared);
  };

  return (
    <div className="ig-layer">
      <div className="ig-mask" onClick={() => navigate('/')} />
      <div role="dialog" aria-modal="true" aria-label={L.createPost} className="ig-create">
        <div className="ig-create-head">
          <IgButton aria-label={L.back} className="ig-back" onPress={() => navigate('/')}>
            ←
          </IgButton>
          <h1>{L.createPost}</h1>
          {/* Share is a div[role=button] (posting scripts). */}
          <IgButton className="ig-share" onPress={share}>
            {L.share}
          </IgButton>
        </div>
        <div className="ig-create-body">
          <div className="ig-create-media" aria-label={L.mediaPreview}>
            <img src={media[Math.min(shown, media.length - 1)]} alt={L.photoPreview} />
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
            {/* div[aria-label="Write a caption..."][contenteditable][role=textbox] (NOTES). */}
            <LexicalEditor
              namespace="ig-caption"
              mode="plain"
              ariaLabel={L.caption}
              placeholder={L.caption}
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
              {L.addLocation} <Icon name="pin" />
            </div>
            <div className="ig-row">
              {L.addCollaborators} <Icon name="tag" />
            </div>
            <div className="ig-row">{L.accessibility} ⌄</div>
            <div className="ig-row">{L.advanced} ⌄</div>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * A comment box: a React-controlled textarea labelled "Add a comment…" (NOTES compose boxes)
 * inside form[method=POST] (posting scripts); the submit is a div[role=button] "Post",
 * aria-disabled while empty (unverified: structural guess); Enter without Shift submits
 * (unverified: structural guess). React state is what gets posted, as on instagram.com (setting
 * .value alone does not count). An emoji button (svg titled "Emoji") publishes nothing.
 */
function CommentForm({ box, onComment, inputRef, inDialog }) {
  const [value, setValue] = useState('');
  const latest = useRef(value);
  latest.current = value;
  const submit = () => {
    const t = latest.current;
    if (t.trim().length === 0) return;
    recordPost(box, t, 0);
    onComment(t);
    latest.current = '';
    setValue('');
  };
  useEffect(
    () =>
      registerBox({
        name: box,
        isMounted: () => true,
        inDialog: () => !!inDialog,
        read: () => latest.current,
        clear: () => {
          latest.current = '';
          setValue('');
        },
      }),
    [box, inDialog],
  );
  return (
    <section className="ig-comment-section">
      <form method="POST" className="ig-comment-form" onSubmit={(e) => e.preventDefault()}>
        <IgButton className="ig-emoji" onPress={() => notePress(`${box}-emoji`)}>
          <TitledIcon name="smile" title={L.emoji} size={24} />
        </IgButton>
        <textarea
          ref={inputRef}
          aria-label={L.addComment}
          placeholder={L.addComment}
          autoComplete="off"
          autoCorrect="off"
          className="ig-comment-input"
          rows={1}
          value={value}
          onFocus={() => noteFocus(box)}
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
          {L.postComment}
        </IgButton>
      </form>
    </section>
  );
}

/**
 * A post's icon buttons as Instagram draws them: div[role=button], each holding
 * <svg aria-label="Like"><title>Like</title>…</svg> (unverified: structural guess). Like and Save
 * toggle; Comment focuses the comment box; Share Post (the paper plane) opens a share list.
 * None of them publishes anything.
 */
function PostActions({ onComment }) {
  const [liked, setLiked] = useState(false);
  const [saved, setSaved] = useState(false);
  const [sharing, setSharing] = useState(false);
  return (
    <div className="ig-actions ig-border-top">
      <IgButton
        className="ig-icon-btn"
        onPress={() => {
          notePress(liked ? 'ig-unlike' : 'ig-like');
          setLiked((v) => !v);
        }}
      >
        <TitledIcon name="heart" title={liked ? L.unlike : L.like} className={liked ? 'ig-liked' : ''} />
      </IgButton>
      <IgButton
        className="ig-icon-btn"
        onPress={() => {
          notePress('ig-comment-open');
          onComment?.();
        }}
      >
        <TitledIcon name="comment" title={L.comment} />
      </IgButton>
      <div className="ig-share-wrap">
        <IgButton
          className="ig-icon-btn"
          onPress={() => {
            notePress('ig-share');
            setSharing((v) => !v);
          }}
        >
          <TitledIcon name="send" title={L.sharePost} />
        </IgButton>
        {sharing && (
          <div role="menu" aria-label={L.shareTo} className="ig-share-list">
            {['mark.pieters', 'sanne.db', 'daan.j'].map((n) => (
              <div
                key={n}
                role="menuitem"
                tabIndex={-1}
                className="ig-share-item"
                onClick={() => {
                  notePress('ig-share-item');
                  setSharing(false);
                }}
              >
                <Avatar name={n} size={24} /> {n}
              </div>
            ))}
          </div>
        )}
      </div>
      <IgButton
        className="ig-icon-btn ig-save"
        onPress={() => {
          notePress(saved ? 'ig-unsave' : 'ig-save');
          setSaved((v) => !v);
        }}
      >
        <TitledIcon name="bookmark" title={saved ? L.remove : L.save} />
      </IgButton>
    </div>
  );
}

/** The side column of a post (/p/1 and the post dialog): author, caption, comments, actions,
 * likes and the comment box. */
function PostSide({ author, caption, likes, box, inDialog }) {
  const [comments, setComments] = useState([{ author: 'mark.pieters', text: 'Wat een mooie dag!' }]);
  const input = useRef(null);
  return (
    <div className="ig-post-side">
      <div className="ig-user ig-border">
        <Avatar name={author} />
        <b>{author}</b>
        <span className="ig-muted">· {L.follow}</span>
      </div>
      <ul className="ig-comments">
        <li>
          <Avatar name={author} />
          <div>
            <b>{author}</b> {caption}
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
      <PostActions onComment={() => input.current?.focus()} />
      <div className="ig-likes">
        <b>{L.likes(likes)}</b>
        <div className="ig-muted ig-small">{L.hoursAgo}</div>
      </div>
      <CommentForm box={box} inDialog={inDialog} inputRef={input} onComment={(t) => setComments((cs) => [...cs, { author: ME, text: t }])} />
    </div>
  );
}

function PostPage() {
  const image = useRef(null);
  if (!image.current) image.current = makeImageDataUrl();
  return (
    <div className="ig-post-page">
      <article className="ig-post-view">
        <div className="ig-post-media">
          <img src={image.current} alt={L.photoBy('bs.regenboog')} />
        </div>
        <PostSide author="bs.regenboog" caption={L.schoolCaption} likes={128} box="ig-comment" />
      </article>
    </div>
  );
}

/**
 * The dialog a home feed item opens: [role=dialog] with the photo, the icon buttons, and the
 * comment box (box ig-dialog-comment) in its own form[method=POST]. Unverified: structural guess
 * (the URL is left alone here).
 */
function PostDialog({ item, onClose }) {
  useEscape(onClose);
  return (
    <div className="ig-layer">
      <div className="ig-mask" onClick={onClose} />
      <IgButton className="ig-dialog-close" onPress={onClose}>
        <TitledIcon name="close" title={L.close} size={24} />
      </IgButton>
      <div role="dialog" aria-modal="true" className="ig-post-dialog">
        <article className="ig-post-view ig-post-view-dialog">
          <div className="ig-post-media">
            <div className="ig-feed-photo ig-dialog-photo" role="img" aria-label={L.photoBy(item.handle)} style={{ background: item.color }} />
          </div>
          <PostSide author={item.handle} caption={item.text} likes={item.likes} box="ig-dialog-comment" inDialog />
        </article>
      </div>
    </div>
  );
}

// The feed is rendered outside React (mountFeed); a click on an item opens the App's post
// dialog through this hook.
const feedHooks = { open: (_item) => {} };

function renderFeedItem(item) {
  const handle = item.author.toLowerCase().replace(/\s+/g, '.');
  const color = `hsl(${(item.id * 47) % 360} 60% 75%)`;
  const el = h(
    'article',
    { class: 'ig-feed-item' },
    h('div', { class: 'ig-user' }, h('div', { class: 'ig-avatar', style: 'width:32px;height:32px;font-size:12px' }, initials(item.author)), h('b', {}, handle), h('span', { class: 'ig-muted', 'data-replica-time': '' }, ` · ${item.minutes} min`)),
    h('div', { class: 'ig-feed-photo', style: `background: ${color}` }),
    h('div', { class: 'ig-actions' }, iconEl('heart', 24), iconEl('comment', 24), iconEl('send', 24)),
    h('div', { class: 'ig-likes' }, h('b', {}, h('span', { 'data-replica-likes': '' }, String(item.likes)), ' ', L.likes('').trim())),
    h('div', { class: 'ig-feed-caption' }, h('b', {}, handle), ' ', item.text),
  );
  el.addEventListener('click', () => feedHooks.open({ handle, text: item.text, likes: item.likes, color }));
  return el;
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
  return (
    <nav className="ig-nav">
      <div className="ig-logo">Instagram</div>
      {L.nav.map((label, i) => (
        <a
          key={label}
          href={NAV_TARGETS[i] ?? '#'}
          className="ig-nav-item"
          onClick={(e) => {
            e.preventDefault();
            if (NAV_TARGETS[i]) navigate(NAV_TARGETS[i]);
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
  const [dialogItem, setDialogItem] = useState(null);
  useEffect(() => {
    feedHooks.open = setDialogItem;
  }, []);
  const closeDialog = useCallback(() => setDialogItem(null), []);
  const isCreate = /^\/create(\/|$)/.test(path);
  const isPost = /^\/p\/[^/]+/.test(path);
  return (
    <div className="ig-app">
      <Nav navigate={navigate} />
      <main role="main" className="ig-main">
        {isPost ? <PostPage /> : <Home />}
      </main>
      {isCreate && <CreateDialog navigate={navigate} toast={toast} />}
      {dialogItem && !isCreate && !isPost && <PostDialog item={dialogItem} onClose={closeDialog} />}
      {toastEl}
    </div>
  );
}

installReplicaApi('instagram');
mountBanner();
createRoot(document.getElementById('root')).render(<App />);
