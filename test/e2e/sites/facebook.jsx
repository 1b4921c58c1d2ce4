// Replica of Facebook's post composer, comment boxes and Messenger chat, built on the real
// Lexical 0.52 (Facebook's editor). Routes: any path shows the feed; on / and /messages/t/1 a
// Messenger chat with Mark Pieters is docked bottom right (box fb-messenger).
//   "What's on your mind?" opens the "Create post" dialog (box fb-post): the editor is created when
//   it opens and destroyed when it closes, as on facebook.com; Enter there is a new line.
//   Below the composer, the school's post with an action bar (Like / Comment / Share), a comment
//   box (box fb-comment; Enter submits, Shift+Enter is a new line), a "Reply" on each comment
//   (box fb-reply) and an "N comments" link that opens the post in a dialog (box
//   fb-dialog-comment).
// ?lang=nl: Dutch labels (all strings in L below). ?commentas=1: the comment boxes are labelled
// "Comment as <name>". ?feed=heavy: a busy 200-item feed.
//
// Evidence key used in the comments: "Maskbook" = DimensionDev/Maskbook's facebook.com automation
// code (and several automation scripts), per ../shared/NOTES.md ("Corrections and additions");
// "NOTES compose boxes" = the selectors maintained open-source extensions use (NOTES, "The
// sites' compose boxes"); "unverified" = no evidence, a structural guess. NOTES: Dutch labels on
// facebook.com are unverified; match structure, not words.
import './common.css';
import './facebook.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { LexicalEditor, clearEditor, editorText, focusEditor } from './lexical.jsx';
import { Icon, TitledIcon } from './icons.jsx';
import { RoleButton, useRoute } from './react-parts.jsx';
import {
  fileToDataUrl,
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
  params,
  recordPost,
  registerBox,
} from './common.js';

const ME = 'Anna de Vries';
const FIRST = 'Anna';
const FRIEND = 'Mark Pieters';
const SCHOOL = 'Basisschool De Regenboog';
/** ?commentas=1: comment boxes labelled "Comment as <Name>" instead of "Write a comment…"
 * (both labels: Maskbook). */
const COMMENT_AS = params.get('commentas') === '1';
// ?as=page: posting as a Page (Next, then Post).
const AS_PAGE = params.get('as') === 'page';

// Every UI string of this replica, English and Dutch, in one place. Dutch: unverified unless
// marked otherwise (NOTES).
const L = NL
  ? {
      createPost: 'Bericht maken', // unverified
      post: 'Plaatsen', // unverified
      next: 'Volgende', // unverified (Pages: Next, then Post)
      postSettings: 'Berichtinstellingen', // unverified
      mind: 'Waar denk je aan?', // unverified
      mindName: `Waar denk je aan, ${FIRST}?`, // unverified
      comment: COMMENT_AS ? `Reageer als ${ME}` : 'Schrijf een reactie…', // unverified
      commentSend: 'Reageren', // unverified
      replyTo: (name) => `Beantwoord ${name}`, // unverified
      reply: 'Beantwoorden', // unverified
      emoji: 'Emoji invoegen', // unverified
      attached: 'Bijgevoegde media', // unverified
      close: 'Sluiten', // unverified
      photo: 'Foto/video',
      live: 'Live video',
      feeling: 'Gevoel/activiteit',
      addToPost: 'Toevoegen aan je bericht',
      friends: 'Vrienden',
      remove: 'Verwijderen',
      like: 'Vind ik leuk', // unverified
      leaveComment: 'Reageer', // unverified
      commentAction: 'Reageren', // unverified
      shareLabel: 'Verstuur dit naar vrienden of plaats het op je profiel.', // unverified
      share: 'Delen', // unverified
      shareItems: ['Nu delen (vrienden)', 'Verzenden in Messenger', 'Link kopiëren'], // unverified
      postDialog: `Bericht van ${SCHOOL}`, // unverified
      posted: 'Je bericht is geplaatst.',
      search: 'Zoeken op Facebook',
      comments: (n) => `${n} reacties`, // unverified
      justNow: 'Zojuist',
      nav: ['Vrienden', 'Groepen', 'Evenementen'],
      contacts: 'Contactpersonen',
      message: 'Bericht', // unverified (English "Message": Maskbook / NOTES)
      messagePlaceholder: 'Aa',
      pressEnter: 'Druk op Enter om te verzenden', // unverified
      closeChat: 'Chat sluiten', // unverified
      schoolText: 'Vandaag was de sportdag! Dank aan alle ouders die hielpen. ☀️',
      firstComment: 'Wat leuk!',
      chatHello: 'Hoi Anna, komen jullie zaterdag ook naar de markt?',
    }
  : {
      createPost: 'Create post', // Maskbook; NOTES compose boxes
      post: 'Post', // Maskbook: div[role=button][aria-label="Post"]
      next: 'Next', // a "Facebook.com Page Knowledge" doc (public code search): Next, then Post
      postSettings: 'Post settings', // same doc: the second step is "Post settings"
      mind: "What's on your mind?", // unverified
      mindName: `What's on your mind, ${FIRST}?`, // unverified
      comment: COMMENT_AS ? `Comment as ${ME}` : 'Write a comment…', // Maskbook; NOTES compose boxes
      commentSend: 'Comment', // Maskbook: div[role=button][aria-label="Comment"] sends a comment
      replyTo: (name) => `Reply to ${name}`, // NOTES compose boxes ("Reply to")
      reply: 'Reply', // unverified
      emoji: 'Insert an emoji', // unverified: structural guess
      attached: 'Attached media', // NOTES compose boxes
      close: 'Close', // unverified
      photo: 'Photo/video',
      live: 'Live video',
      feeling: 'Feeling/activity',
      addToPost: 'Add to your post',
      friends: 'Friends',
      remove: 'Remove',
      like: 'Like', // unverified
      leaveComment: 'Leave a comment', // unverified
      commentAction: 'Comment', // unverified
      shareLabel: 'Send this to friends or post it on your profile.', // unverified
      share: 'Share', // unverified
      shareItems: ['Share now (Friends)', 'Send in Messenger', 'Copy link'], // unverified
      postDialog: `${SCHOOL}'s post`, // unverified
      posted: 'Your post is now published.',
      search: 'Search Facebook',
      comments: (n) => `${n} comments`, // unverified
      justNow: 'Just now',
      nav: ['Friends', 'Groups', 'Events'],
      contacts: 'Contacts',
      message: 'Message', // Maskbook / NOTES: Messenger chat boxes are Lexical, label "Message"
      messagePlaceholder: 'Aa',
      pressEnter: 'Press enter to send', // unverified
      closeChat: 'Close chat', // unverified
      schoolText: 'Sports day today! Thanks to all the parents who helped. ☀️',
      firstComment: 'Lovely!',
      chatHello: 'Hi Anna, are you coming to the market on Saturday?',
    };

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
  const [step, setStep] = useState(1);
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
        {/* The whole composer sits in a form[method=POST] (Maskbook; NOTES "Corrections"). Enter
            in the editor is Lexical rich text's new paragraph, never a submit: only the Post
            button publishes. The form must never submit itself. */}
        <form method="POST" className="fb-dialog-form" onSubmit={(e) => e.preventDefault()}>
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
          {/* div[role=button][aria-label="Post"], aria-disabled="true" while empty (Maskbook).
              ?as=page: a Page posts in two steps, Next, then Post under "Post settings" (a
              public "Facebook.com Page Knowledge" doc); the editor stays in the dialog (unverified:
              structural guess). */}
          {AS_PAGE && step === 1 ? (
            <FbButton label={L.next} className="fb-post-btn" disabled={!canPost} onPress={() => setStep(2)}>
              <span>{L.next}</span>
            </FbButton>
          ) : (
            <>
              {AS_PAGE && <h3 className="fb-post-settings">{L.postSettings}</h3>}
              <FbButton label={L.post} className="fb-post-btn" disabled={!canPost} onPress={post}>
                <span>{L.post}</span>
              </FbButton>
            </>
          )}
        </div>
        </form>
      </div>
    </div>
  );
}

/** Escape closes a dialog (unverified: structural guess). */
function useEscape(close) {
  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
}

/**
 * A comment box: a Lexical textbox in form[role=presentation] (NOTES compose boxes), labelled
 * "Write a comment…" / "Comment as <Name>" / "Reply to <Name>" (Maskbook; NOTES). Enter without
 * Shift submits, Shift+Enter is a new line (NOTES compose boxes: "Enter submits"). It is also
 * sent by div[role=button][aria-label="Comment"], aria-disabled while empty (Maskbook). Next to
 * it an emoji button that publishes nothing (unverified: structural guess).
 * `focusRef.current()` focuses the editor.
 */
function CommentForm({ box, label, onSubmit, inDialog, autoFocus, focusRef, className }) {
  const editorRef = useRef(null);
  const [text, setText] = useState('');
  const onSubmitRef = useRef(onSubmit);
  onSubmitRef.current = onSubmit;
  const submit = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const t = editorText(editor);
    if (t.trim().length === 0) return;
    recordPost(box, t, 0);
    onSubmitRef.current?.(t);
    clearEditor(editor);
  }, [box]);

  useEffect(
    () =>
      registerBox({
        name: box,
        isMounted: () => !!editorRef.current,
        inDialog: () => !!inDialog,
        read: () => (editorRef.current ? editorText(editorRef.current) : null),
        clear: () => editorRef.current && clearEditor(editorRef.current),
      }),
    [box, inDialog],
  );
  if (focusRef) focusRef.current = () => editorRef.current && focusEditor(editorRef.current);

  return (
    <form role="presentation" className={`fb-comment-form ${className ?? ''}`} onSubmit={(e) => e.preventDefault()}>
      <Avatar name={ME} size={32} />
      <div className="fb-comment-bubble">
        <LexicalEditor
          namespace={box}
          mode="rich"
          ariaLabel={label}
          placeholder={label}
          className="fb-comment-editor"
          editorRef={editorRef}
          onText={setText}
          onEnter={submit}
          onFocus={() => noteFocus(box)}
          autoFocus={autoFocus}
        />
        <FbButton label={L.emoji} className="fb-emoji" onPress={() => notePress(`${box}-emoji`)}>
          <Icon name="smile" size={18} />
        </FbButton>
        <FbButton label={L.commentSend} className="fb-send" disabled={text.trim().length === 0} onPress={submit}>
          <Icon name="send" size={18} />
        </FbButton>
      </div>
    </form>
  );
}

/**
 * A post's action bar: div[role=button]s Like, Comment ("Leave a comment", focuses the comment
 * box) and Share (opens a small menu; nothing is published). Labels unverified (structural
 * guess). `titled`: the Share icon is an svg with <title>Share</title>, so an icon's title is part
 * of the button's text (as in the post dialog).
 */
function PostActions({ liked, onLike, onComment, titled }) {
  const [shareOpen, setShareOpen] = useState(false);
  return (
    <div className="fb-actions">
      <FbButton
        label={L.like}
        aria-pressed={liked ? 'true' : 'false'}
        className={`fb-action${liked ? ' liked' : ''}`}
        onPress={onLike}
      >
        <Icon name="like" /> {L.like}
      </FbButton>
      <FbButton label={L.leaveComment} className="fb-action" onPress={onComment}>
        <Icon name="comment" /> {L.commentAction}
      </FbButton>
      <div className="fb-share-wrap">
        <FbButton
          label={L.shareLabel}
          className="fb-action"
          aria-haspopup="menu"
          aria-expanded={shareOpen ? 'true' : 'false'}
          onPress={() => {
            notePress('fb-share');
            setShareOpen((o) => !o);
          }}
        >
          {titled ? <TitledIcon name="share" title={L.share} size={18} label={false} /> : <Icon name="share" />} {L.share}
        </FbButton>
        {shareOpen && (
          <div role="menu" className="fb-share-menu">
            {L.shareItems.map((item) => (
              <div
                key={item}
                role="menuitem"
                tabIndex={-1}
                className="fb-share-item"
                onClick={() => {
                  notePress('fb-share-item');
                  setShareOpen(false);
                }}
              >
                {item}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

/** The school post's head, text and photo (on the feed and in the post dialog). */
function SchoolPostBody({ image }) {
  return (
    <>
      <div className="fb-post-head">
        <Avatar name={SCHOOL} />
        <div>
          <div className="fb-name">{SCHOOL}</div>
          <div className="fb-muted">
            2 h · <Icon name="globe" size={12} />
          </div>
        </div>
      </div>
      <div className="fb-post-text">{L.schoolText}</div>
      <img className="fb-post-image" src={image} alt="" />
    </>
  );
}

/**
 * The comments, each with a "Reply" link (role=button) that opens a reply box under it (box
 * fb-reply, labelled "Reply to <Name>", Enter submits). `replyBox`: whether this list may open
 * one (only the feed's list; the dialog shows the comments only).
 */
function Comments({ comments, replyingTo, setReplyingTo, onReply, replyBox }) {
  return (
    <ul className="fb-comments">
      {comments.map((c, i) => (
        <li key={i} className="fb-comment-item">
          <div className="fb-comment">
            <Avatar name={c.author} size={32} />
            <div>
              <div className="fb-comment-text">
                <b>{c.author}</b>
                <div>{c.text}</div>
              </div>
              {replyBox && (
                <FbButton
                  className="fb-reply-link"
                  onPress={() => {
                    notePress('fb-reply-open');
                    setReplyingTo(i);
                  }}
                >
                  {L.reply}
                </FbButton>
              )}
            </div>
          </div>
          {c.replies.length > 0 && (
            <ul className="fb-replies">
              {c.replies.map((r, j) => (
                <li key={j} className="fb-comment">
                  <Avatar name={r.author} size={24} />
                  <div className="fb-comment-text">
                    <b>{r.author}</b>
                    <div>{r.text}</div>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {replyBox && replyingTo === i && (
            <CommentForm
              box="fb-reply"
              label={L.replyTo(c.author)}
              className="fb-reply-form"
              autoFocus
              onSubmit={(t) => onReply(i, t)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The school post opened in a dialog ("N comments"): [role=dialog] labelled
 * "Basisschool De Regenboog's post", a copy of the post, the same action bar (the Share icon an
 * svg titled "Share"), a "more options" div[role=button] whose only text is an svg <title>Post
 * </title>, and a comment box of its own (box fb-dialog-comment, in its own form). Unverified:
 * structural guess.
 */
function PostDialog({ image, comments, liked, onLike, onComment, onClose }) {
  const focusRef = useRef(null);
  useEscape(onClose);
  return createPortal(
    <div className="fb-layer">
      <div className="fb-mask" onClick={onClose} />
      <div role="dialog" aria-label={L.postDialog} className="fb-dialog fb-post-dialog">
        <div className="fb-dialog-head">
          <h2>{L.postDialog}</h2>
          <FbButton className="fb-more" onPress={() => notePress('fb-dialog-more')}>
            <TitledIcon name="more" title={L.post} size={20} label={false} />
          </FbButton>
          <FbButton label={L.close} className="fb-close" onPress={onClose}>
            ✕
          </FbButton>
        </div>
        <div className="fb-dialog-body fb-post-dialog-body">
          <SchoolPostBody image={image} />
          <div className="fb-counts fb-muted">
            <span>
              <Icon name="like" size={14} /> {liked ? 25 : 24}
            </span>
            <span>{L.comments(comments.length)}</span>
          </div>
          <PostActions titled liked={liked} onLike={onLike} onComment={() => focusRef.current?.()} />
          <Comments comments={comments} />
          <CommentForm box="fb-dialog-comment" label={L.comment} inDialog focusRef={focusRef} onSubmit={onComment} />
        </div>
      </div>
    </div>,
    document.body,
  );
}

function SchoolPost() {
  const [comments, setComments] = useState([{ author: FRIEND, text: L.firstComment, replies: [] }]);
  const [liked, setLiked] = useState(false);
  const [replyingTo, setReplyingTo] = useState(null);
  const [dialog, setDialog] = useState(false);
  const commentFocus = useRef(null);
  const image = useRef(null);
  if (!image.current) image.current = makeImageDataUrl();
  const addComment = useCallback((t) => setComments((cs) => [...cs, { author: ME, text: t, replies: [] }]), []);
  const addReply = useCallback(
    (i, t) => setComments((cs) => cs.map((c, j) => (j === i ? { ...c, replies: [...c.replies, { author: ME, text: t }] } : c))),
    [],
  );
  const like = () => {
    notePress(liked ? 'fb-unlike' : 'fb-like');
    setLiked((l) => !l);
  };
  const closeDialog = useCallback(() => setDialog(false), []);
  return (
    <div role="article" className="fb-card fb-post" aria-label={SCHOOL}>
      <SchoolPostBody image={image.current} />
      <div className="fb-counts fb-muted">
        <span>
          <Icon name="like" size={14} /> {liked ? 25 : 24}
        </span>
        <FbButton className="fb-comments-link" onPress={() => setDialog(true)}>
          {L.comments(comments.length)}
        </FbButton>
      </div>
      <PostActions liked={liked} onLike={like} onComment={() => commentFocus.current?.()} />
      <Comments comments={comments} replyingTo={replyingTo} setReplyingTo={setReplyingTo} onReply={addReply} replyBox />
      <CommentForm box="fb-comment" label={L.comment} focusRef={commentFocus} onSubmit={addComment} />
      {dialog && (
        <PostDialog image={image.current} comments={comments} liked={liked} onLike={like} onComment={addComment} onClose={closeDialog} />
      )}
    </div>
  );
}

/**
 * Messenger's chat window, docked bottom right: a region labelled with the friend's name, the
 * messages, and a Lexical textbox labelled "Message" (NOTES: Messenger chat boxes on facebook.com
 * are Lexical textboxes labelled "Message"). Enter sends (once) and empties the box, Shift+Enter
 * is a new line; the send button "Press enter to send" (unverified). A region, not a dialog
 * (unverified: structural guess; it also keeps "[role=dialog] editor" meaning the composer).
 */
function Messenger({ onClose }) {
  const editorRef = useRef(null);
  const [text, setText] = useState('');
  const [messages, setMessages] = useState([{ mine: false, text: L.chatHello }]);
  const send = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const t = editorText(editor);
    if (t.trim().length === 0) return;
    recordPost('fb-messenger', t, 0);
    setMessages((m) => [...m, { mine: true, text: t }]);
    clearEditor(editor);
  }, []);
  useEffect(
    () =>
      registerBox({
        name: 'fb-messenger',
        isMounted: () => !!editorRef.current,
        read: () => (editorRef.current ? editorText(editorRef.current) : null),
        clear: () => editorRef.current && clearEditor(editorRef.current),
      }),
    [],
  );
  return (
    <div role="region" aria-label={FRIEND} className="fb-chat" data-replica-box="fb-messenger">
      <div className="fb-chat-head">
        <Avatar name={FRIEND} size={32} />
        <b>{FRIEND}</b>
        <FbButton label={L.closeChat} className="fb-chat-close" onPress={onClose}>
          ✕
        </FbButton>
      </div>
      <div className="fb-chat-messages">
        {messages.map((m, i) => (
          <div key={i} className={`fb-chat-msg${m.mine ? ' mine' : ''}`} dir="auto">
            {m.text}
          </div>
        ))}
      </div>
      <div className="fb-chat-compose">
        <LexicalEditor
          namespace="fb-messenger"
          mode="rich"
          ariaLabel={L.message}
          placeholder={L.messagePlaceholder}
          className="fb-chat-editor"
          editorRef={editorRef}
          onText={setText}
          onEnter={send}
          onFocus={() => noteFocus('fb-messenger')}
        />
        <FbButton label={L.pressEnter} className="fb-send" disabled={text.trim().length === 0} onPress={send}>
          <Icon name="send" size={18} />
        </FbButton>
      </div>
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

/** Messenger's chat is open by default on / and /messages/t/1 (unverified: structural guess). */
const chatOpenOn = (path) => path === '/' || /^\/messages\/t\/1\/?$/.test(path);

function App() {
  const [path] = useRoute();
  const [open, setOpen] = useState(false);
  const [chat, setChat] = useState(() => chatOpenOn(location.pathname));
  const [media, setMedia] = useState([]);
  const [mine, setMine] = useState([]);
  const [toast, setToast] = useState('');
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (chatOpenOn(path)) setChat(true);
  }, [path]);

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
            <Icon name="people" size={24} className="fb-blue" /> {L.nav[0]}
          </div>
          <div className="fb-left-item">
            <Icon name="school" size={24} className="fb-blue" /> {L.nav[1]}
          </div>
          <div className="fb-left-item">
            <Icon name="calendar" size={24} className="fb-red" /> {L.nav[2]}
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
          <div className="fb-muted fb-right-title">{L.contacts}</div>
          {[FRIEND, 'Sanne de Boer', 'Daan Jansen'].map((n) =>
            n === FRIEND ? (
              <FbButton key={n} className="fb-left-item" onPress={() => setChat(true)}>
                <Avatar name={n} size={28} /> {n}
              </FbButton>
            ) : (
              <div key={n} className="fb-left-item">
                <Avatar name={n} size={28} /> {n}
              </div>
            ),
          )}
        </div>
      </div>
      {chat && <Messenger onClose={() => setChat(false)} />}
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
