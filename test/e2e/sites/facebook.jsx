// Replica of Facebook's post composer and comment box, built on the real Lexical 0.52
// (Facebook's editor). Routes: any path shows the feed. "What's on your mind?" opens the
// "Create post" dialog (the editor is created when it opens and destroyed when it closes, as on
// facebook.com). Below the composer, a post with a comment box (Enter submits, Shift+Enter is a
// new line). ?lang=nl: Dutch labels. ?feed=heavy: a busy 200-item feed.
import './common.css';
import './facebook.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LexicalEditor, clearEditor, editorText } from './lexical.jsx';
import { Icon } from './icons.jsx';
import { RoleButton } from './react-parts.jsx';
import {
  fileToDataUrl,
  h,
  iconEl,
  initials,
  installReplicaApi,
  makeImageDataUrl,
  mountBanner,
  mountFeed,
  noteFocus,
  params,
  recordPost,
  registerBox,
} from './common.js';

const NL = params.get('lang') === 'nl';
const ME = 'Anna de Vries';
const FIRST = 'Anna';
const L = NL
  ? {
      createPost: 'Bericht maken',
      post: 'Plaatsen',
      mind: 'Waar denk je aan?',
      mindName: `Waar denk je aan, ${FIRST}?`,
      comment: `Reageer als ${ME}`,
      commentSend: 'Reageren',
      attached: 'Bijgevoegde media',
      close: 'Sluiten',
      photo: 'Foto/video',
      live: 'Live video',
      feeling: 'Gevoel/activiteit',
      addToPost: 'Toevoegen aan je bericht',
      friends: 'Vrienden',
      remove: 'Verwijderen',
      like: 'Vind ik leuk',
      commentAction: 'Reageren',
      share: 'Delen',
      posted: 'Je bericht is geplaatst.',
      search: 'Zoeken op Facebook',
      comments: (n) => `${n} reacties`,
      justNow: 'Zojuist',
    }
  : {
      createPost: 'Create post',
      post: 'Post',
      mind: "What's on your mind?",
      mindName: `What's on your mind, ${FIRST}?`,
      comment: 'Write a comment…',
      commentSend: 'Comment',
      attached: 'Attached media',
      close: 'Close',
      photo: 'Photo/video',
      live: 'Live video',
      feeling: 'Feeling/activity',
      addToPost: 'Add to your post',
      friends: 'Friends',
      remove: 'Remove',
      like: 'Like',
      commentAction: 'Comment',
      share: 'Share',
      posted: 'Your post is now published.',
      search: 'Search Facebook',
      comments: (n) => `${n} comments`,
      justNow: 'Just now',
    };
if (NL) document.documentElement.lang = 'nl';

/** Facebook's buttons: div[role=button] with its class. */
const FbButton = (props) => <RoleButton base="fb-btn" {...props} />;

function Avatar({ name, size = 40 }) {
  return (
    <div className="fb-avatar" style={{ width: size, height: size, fontSize: size * 0.4 }}>
      {initials(name)}
    </div>
  );
}

function CreatePostDialog({ media, setMedia, onClose, onPost }) {
  const editorRef = useRef(null);
  const fileInput = useRef(null);
  const [text, setText] = useState('');
  useEffect(() => {
    postEditor.current = editorRef.current;
    return () => {
      postEditor.current = null;
    };
  }, []);
  const canPost = text.trim().length > 0 || media.length > 0;

  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const post = () => {
    const editor = editorRef.current;
    if (!editor) return;
    const t = editorText(editor);
    if (t.trim().length === 0 && media.length === 0) return;
    onPost(t);
  };

  const onFiles = async (e) => {
    const urls = await Promise.all([...(e.target.files ?? [])].map(fileToDataUrl));
    setMedia((m) => [...m, ...urls]);
    e.target.value = '';
  };

  return (
    <div className="fb-layer">
      <div className="fb-mask" onClick={onClose} />
      <div role="dialog" aria-modal="true" aria-label={L.createPost} className="fb-dialog">
        <div className="fb-dialog-head">
          <h2>{L.createPost}</h2>
          <FbButton label={L.close} className="fb-close" onPress={onClose}>
            ✕
          </FbButton>
        </div>
        <div className="fb-dialog-body">
          <div className="fb-author">
            <Avatar name={ME} />
            <div>
              <div className="fb-name">{ME}</div>
              <div className="fb-audience">
                <Icon name="people" size={12} /> {L.friends} ▾
              </div>
            </div>
          </div>
          <LexicalEditor
            namespace="fb-post"
            mode="rich"
            ariaLabel={L.mind}
            placeholder={L.mindName}
            className="fb-post-editor"
            editorRef={editorRef}
            onText={setText}
            onFocus={() => noteFocus('fb-post')}
            autoFocus
          />
          {media.length > 0 && (
            <div role="group" aria-label={L.attached} className="fb-media">
              {media.map((src, i) => (
                <div key={i} className="fb-media-item">
                  <img src={src} alt="" />
                  <FbButton
                    label={L.remove}
                    className="fb-media-remove"
                    onPress={() => setMedia((m) => m.filter((_, j) => j !== i))}
                  >
                    ✕
                  </FbButton>
                </div>
              ))}
            </div>
          )}
          <div className="fb-add-to-post">
            <span>{L.addToPost}</span>
            <div className="fb-add-icons">
              <FbButton label={L.photo} className="fb-icon-btn green" onPress={() => fileInput.current?.click()}>
                <Icon name="photo" size={24} />
              </FbButton>
              <input
                ref={fileInput}
                type="file"
                accept="image/*,image/heif,image/heic,video/*"
                multiple
                className="fb-hidden"
                onChange={onFiles}
              />
              <span className="fb-icon-btn blue" aria-hidden="true">
                <Icon name="tag" size={24} />
              </span>
              <span className="fb-icon-btn yellow" aria-hidden="true">
                <Icon name="smile" size={24} />
              </span>
              <span className="fb-icon-btn red" aria-hidden="true">
                <Icon name="pin" size={24} />
              </span>
            </div>
          </div>
          <FbButton label={L.post} className="fb-post-btn" disabled={!canPost} onPress={post}>
            <span>{L.post}</span>
          </FbButton>
        </div>
      </div>
    </div>
  );
}

function CommentBox({ onComment }) {
  const editorRef = useRef(null);
  const [text, setText] = useState('');
  const submit = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const t = editorText(editor);
    if (t.trim().length === 0) return;
    recordPost('fb-comment', t, 0);
    onComment(t);
    clearEditor(editor);
  }, [onComment]);

  useEffect(
    () =>
      registerBox({
        name: 'fb-comment',
        isMounted: () => !!editorRef.current,
        read: () => (editorRef.current ? editorText(editorRef.current) : null),
        clear: () => editorRef.current && clearEditor(editorRef.current),
      }),
    [],
  );

  return (
    <form role="presentation" className="fb-comment-form" onSubmit={(e) => e.preventDefault()}>
      <Avatar name={ME} size={32} />
      <div className="fb-comment-bubble">
        <LexicalEditor
          namespace="fb-comment"
          mode="rich"
          ariaLabel={L.comment}
          placeholder={L.comment}
          className="fb-comment-editor"
          editorRef={editorRef}
          onText={setText}
          onEnter={submit}
          onFocus={() => noteFocus('fb-comment')}
        />
        <FbButton label={L.commentSend} className="fb-send" disabled={text.trim().length === 0} onPress={submit}>
          <Icon name="send" size={18} />
        </FbButton>
      </div>
    </form>
  );
}

function SchoolPost() {
  const [comments, setComments] = useState([{ author: 'Mark Pieters', text: NL ? 'Wat leuk!' : 'Lovely!' }]);
  const image = useRef(null);
  if (!image.current) image.current = makeImageDataUrl();
  return (
    <div role="article" className="fb-card fb-post" aria-label="Basisschool De Regenboog">
      <div className="fb-post-head">
        <Avatar name="Basisschool De Regenboog" />
        <div>
          <div className="fb-name">Basisschool De Regenboog</div>
          <div className="fb-muted">
            2 h · <Icon name="globe" size={12} />
          </div>
        </div>
      </div>
      <div className="fb-post-text">
        {NL ? 'Vandaag was de sportdag! Dank aan alle ouders die hielpen. ☀️' : 'Sports day today! Thanks to all the parents who helped. ☀️'}
      </div>
      <img className="fb-post-image" src={image.current} alt="" />
      <div className="fb-counts fb-muted">
        <span>
          <Icon name="like" size={14} /> 24
        </span>
        <span>{L.comments(comments.length)}</span>
      </div>
      <div className="fb-actions">
        <span>
          <Icon name="like" /> {L.like}
        </span>
        <span>
          <Icon name="comment" /> {L.commentAction}
        </span>
        <span>
          <Icon name="share" /> {L.share}
        </span>
      </div>
      <ul className="fb-comments">
        {comments.map((c, i) => (
          <li key={i} className="fb-comment">
            <Avatar name={c.author} size={32} />
            <div className="fb-comment-text">
              <b>{c.author}</b>
              <div>{c.text}</div>
            </div>
          </li>
        ))}
      </ul>
      <CommentBox onComment={(t) => setComments((cs) => [...cs, { author: ME, text: t }])} />
    </div>
  );
}

function renderFeedPost(item) {
  return h(
    'div',
    { role: 'article', class: 'fb-card fb-post' },
    h(
      'div',
      { class: 'fb-post-head' },
      h('div', { class: 'fb-avatar', style: 'width:40px;height:40px;font-size:16px' }, initials(item.author)),
      h('div', {}, h('div', { class: 'fb-name' }, item.author), h('div', { class: 'fb-muted', 'data-replica-time': '' }, `${item.minutes} min`)),
    ),
    h('div', { class: 'fb-post-text', dir: 'auto' }, item.text),
    h('div', { class: 'fb-counts fb-muted' }, h('span', {}, iconEl('like', 14), ' ', h('span', { 'data-replica-likes': '' }, String(item.likes)))),
  );
}

function Feed() {
  const ref = useRef(null);
  useEffect(() => mountFeed(ref.current, renderFeedPost, { count: 3 }), []);
  return <div ref={ref} className="fb-feed" />;
}

// The open "Create post" editor, for __replica.read('fb-post').
const postEditor = { current: null };

function App() {
  const [open, setOpen] = useState(false);
  const [media, setMedia] = useState([]);
  const [mine, setMine] = useState([]);
  const [toast, setToast] = useState('');
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(
    () =>
      registerBox({
        name: 'fb-post',
        isMounted: () => true,
        inDialog: () => openRef.current,
        read: () => (postEditor.current ? editorText(postEditor.current) : null),
        // Like choosing a photo: opens the composer if needed and attaches it there.
        attachImage: (url) => {
          setOpen(true);
          setMedia((m) => [...m, url]);
        },
        clear: () => {
          setOpen(false);
          setMedia([]);
        },
      }),
    [],
  );

  const close = useCallback(() => {
    setOpen(false);
    setMedia([]);
  }, []);

  const onPost = (text) => {
    recordPost('fb-post', text, media.length);
    setMine((m) => [{ text, media }, ...m]);
    close();
    setToast(L.posted);
    setTimeout(() => setToast(''), 3000);
  };

  return (
    <div className="fb-app">
      <div role="banner" className="fb-top">
        <div className="fb-logo">facebook</div>
        <div className="fb-search">
          <Icon name="search" size={16} /> {L.search}
        </div>
        <div className="fb-top-right">
          <Avatar name={ME} size={36} />
        </div>
      </div>
      <div className="fb-columns">
        <div className="fb-left">
          <div className="fb-left-item">
            <Avatar name={ME} size={28} /> {ME}
          </div>
          <div className="fb-left-item">
            <Icon name="people" size={24} className="fb-blue" /> {NL ? 'Vrienden' : 'Friends'}
          </div>
          <div className="fb-left-item">
            <Icon name="school" size={24} className="fb-blue" /> {NL ? 'Groepen' : 'Groups'}
          </div>
          <div className="fb-left-item">
            <Icon name="calendar" size={24} className="fb-red" /> {NL ? 'Evenementen' : 'Events'}
          </div>
        </div>
        <div role="main" className="fb-main">
          <div className="fb-card fb-composer">
            <div className="fb-composer-top">
              <Avatar name={ME} />
              <FbButton className="fb-opener" onPress={() => setOpen(true)}>
                <span>{L.mindName}</span>
              </FbButton>
            </div>
            <div className="fb-composer-actions">
              <span className="fb-ca">
                <Icon name="video" size={22} className="fb-red" /> {L.live}
              </span>
              <FbButton className="fb-ca" onPress={() => setOpen(true)}>
                <Icon name="photo" size={22} className="fb-green" /> {L.photo}
              </FbButton>
              <span className="fb-ca">
                <Icon name="smile" size={22} className="fb-yellow" /> {L.feeling}
              </span>
            </div>
          </div>
          {mine.map((p, i) => (
            <div role="article" key={i} className="fb-card fb-post">
              <div className="fb-post-head">
                <Avatar name={ME} />
                <div>
                  <div className="fb-name">{ME}</div>
                  <div className="fb-muted">
                    {L.justNow} · <Icon name="people" size={12} />
                  </div>
                </div>
              </div>
              <div className="fb-post-text" dir="auto">
                {p.text}
              </div>
              {p.media.map((src, j) => (
                <img key={j} className="fb-post-image" src={src} alt="" />
              ))}
            </div>
          ))}
          <SchoolPost />
          <Feed />
        </div>
        <div className="fb-right">
          <div className="fb-muted fb-right-title">{NL ? 'Contactpersonen' : 'Contacts'}</div>
          {['Mark Pieters', 'Sanne de Boer', 'Daan Jansen'].map((n) => (
            <div key={n} className="fb-left-item">
              <Avatar name={n} size={28} /> {n}
            </div>
          ))}
        </div>
      </div>
      {open && <CreatePostDialog media={media} setMedia={setMedia} onClose={close} onPost={onPost} />}
      {toast && (
        <div role="alert" className="replica-toast fb-toast">
          {toast}
        </div>
      )}
    </div>
  );
}

installReplicaApi('facebook');
mountBanner();
createRoot(document.getElementById('root')).render(<App />);
