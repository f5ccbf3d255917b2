// The playground page: one conversation at a time, live through server-sent events. Cards are rendered with
// Microsoft's Adaptive Cards renderer; their buttons go back to the service, which routes them like Teams and Slack ones.
"use strict";
const api = (path, body) => fetch(`/playground/api/${path}`, body === undefined ? {} : {
  method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
}).then(async (r) => { const json = await r.json(); if (!r.ok) throw new Error(json.error ?? r.statusText); return json; });

const state = { users: [], conversations: [], messages: new Map(), messageActions: [], reactions: [], me: null, open: null, thread: null, seen: new Map() };
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else if (v !== undefined && v !== null) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
};

AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  result.outputHtml = esc.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/\b_(.+?)_\b/g, "<em>$1</em>")
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>').replace(/\n/g, "<br>");
  result.didProcess = true;
};

const dmOf = (userId) => `dm-${userId}`;
const visible = (m) => !m.visibleTo || m.visibleTo === state.me;
const inConversation = (id) => [...state.messages.values()].filter((m) => m.channelId === id && visible(m));

function toast(text) {
  const t = $("toast"); t.textContent = text; t.hidden = false;
  clearTimeout(toast.timer); toast.timer = setTimeout(() => (t.hidden = true), 5000);
}

function renderCard(card, onAction) {
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: "Segoe UI, Noto Sans, sans-serif", actions: { actionsOrientation: "horizontal", maxActions: 6 } });
  adaptive.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.OpenUrlAction) return openLink(action.url);
    const data = { ...(action.data ?? {}) };
    const verb = action instanceof AdaptiveCards.ExecuteAction ? action.verb : data.verb;
    onAction(verb, data);
  };
  try { adaptive.parse(card); return adaptive.render(); } catch (e) { return el("pre", {}, `card could not render: ${e}`); }
}

function openLink(url) {
  const hash = url.startsWith("/playground#") ? url.slice("/playground#".length) : null;
  if (!hash) return window.open(url, "_blank");
  const [channel, message] = hash.split("/").map(decodeURIComponent);
  openConversation(channel);
  document.querySelector(`.message[data-id="${message}"]`)?.scrollIntoView({ block: "center" });
}

function messageView(m) {
  const author = m.author;
  const box = el("div", { class: `message${m.visibleTo ? " ephemeral" : ""}`, "data-id": m.id, "data-author": author.id },
    el("div", { class: "meta" }, el("b", {}, author.name), el("span", { class: `kind ${author.kind}` }, author.kind),
      ` ${new Date(m.at).toISOString().slice(0, 16).replace("T", " ")} UTC`, m.visibleTo ? " · only visible to you" : "", m.editedAt ? " · edited" : ""));
  if (m.text && !(m.card && author.kind === "bot")) box.append(el("div", { class: "text" }, m.text));
  if (m.card) box.append(el("div", { class: "card" }, renderCard(m.card, (verb, data) => act(m, verb, data))));
  const reactions = el("div", { class: "reactions" });
  for (const [name, users] of Object.entries(m.reactions ?? {})) {
    const r = state.reactions.find((x) => x.name === name);
    reactions.append(el("button", { class: users.includes(state.me) ? "mine" : "", title: name, onclick: () => react(m, name, !users.includes(state.me)) }, `${r?.emoji ?? `:${name}:`} ${users.length}`));
  }
  box.append(reactions, tools(m));
  return box;
}

function tools(m) {
  const bar = el("div", { class: "tools" });
  for (const r of state.reactions) bar.append(el("button", { title: `${r.name}${r.meaning ? ` — ${r.meaning}` : ""}`, "data-reaction": r.name, onclick: () => react(m, r.name, true) }, r.emoji));
  if (!m.threadId) bar.append(el("button", { title: "Reply in thread", class: "reply-button", onclick: () => startThread(m.id) }, "↩"));
  bar.append(el("button", { title: "More actions", class: "more", onclick: (e) => showMenu(e, m) }, "⋯"));
  return bar;
}

function showMenu(event, m) {
  document.querySelectorAll(".menu").forEach((x) => x.remove());
  const menu = el("div", { class: "menu" }, ...state.messageActions.map((a) => el("button", { "data-action": a.callbackId, onclick: () => { menu.remove(); messageAction(m, a); } }, a.title)));
  event.target.closest(".message").append(menu);
  setTimeout(() => document.addEventListener("click", () => menu.remove(), { once: true }));
}

function render() {
  const id = state.open;
  const conversation = state.conversations.find((c) => c.id === id);
  $("title").textContent = conversation?.name ?? "EngageBot (direct message)";
  $("topic").textContent = conversation?.topic ?? "Your private chat with the bot: nudges, escalations and risks come here.";
  const list = $("messages"); list.replaceChildren();
  const all = inConversation(id);
  for (const root of all.filter((m) => !m.threadId || !all.some((x) => x.id === m.threadId))) {
    list.append(messageView(root));
    const replies = all.filter((m) => m.threadId === root.id && m.id !== root.id);
    if (replies.length) list.append(el("div", { class: "replies", "data-thread": root.id }, ...replies.map(messageView)));
  }
  state.seen.set(`${state.me}|${id}`, all.length);
  list.scrollTop = list.scrollHeight;
  renderSidebar();
}

function renderSidebar() {
  const item = (c, label) => {
    const unread = inConversation(c).length - (state.seen.get(`${state.me}|${c}`) ?? 0);
    return el("li", { class: c === state.open ? "active" : "", "data-conversation": c, onclick: () => openConversation(c) },
      el("span", {}, label), unread > 0 && c !== state.open ? el("span", { class: "unread" }, String(unread)) : "");
  };
  $("channels").replaceChildren(...state.conversations.map((c) => item(c.id, c.name)));
  $("dms").replaceChildren(item(dmOf(state.me), "EngageBot"));
}

function openConversation(id) { state.open = id; state.thread = null; $("thread-target").hidden = true; render(); }
function startThread(rootId) { state.thread = rootId; $("thread-target").hidden = false; $("text").focus(); }

async function act(m, verb, data) {
  if (!verb) return toast("This button has no action.");
  try {
    const result = await api("cards", { userId: state.me, channelId: m.channelId, messageId: m.id, verb, data });
    if (result.errors) toast(Object.values(result.errors).join(" "));
    else if (result.message) toast(result.message);
  } catch (e) { toast(e.message); }
}

async function react(m, reaction, added) {
  try { await api("reactions", { userId: state.me, channelId: m.channelId, messageId: m.id, reaction, added }); } catch (e) { toast(e.message); }
}

async function messageAction(m, action) {
  try {
    const form = await api("message-actions", { userId: state.me, channelId: m.channelId, messageId: m.id, callbackId: action.callbackId });
    if (form.queued) return toast(`${action.title}: sent.`);
    if (!form.card) return toast(form.message ?? "This action is not available here.");
    const dialog = $("form-dialog");
    $("form-title").textContent = form.title; $("form-message").textContent = "";
    $("form-card").replaceChildren(renderCard(form.card, async (verb, data) => {
      try {
        const result = await api("forms", { userId: state.me, channelId: m.channelId, threadId: m.threadId, verb: verb ?? form.submitVerb, data: { ...form.data, ...data } });
        if (result.errors) { $("form-message").textContent = Object.values(result.errors).join(" "); return; }
        dialog.close(); toast(result.message ?? "Done.");
      } catch (e) { $("form-message").textContent = e.message; }
    }));
    dialog.showModal();
  } catch (e) { toast(e.message); }
}

function showClock(now) { $("now").textContent = new Date(now).toUTCString().replace("GMT", "UTC"); }

function chooseUser(id) {
  state.me = id;
  const user = state.users.find((u) => u.id === id);
  $("as-role").textContent = user.kind === "partner" ? `Partner side · ${user.partnerId}` : `Our side · ${user.role}`;
  const own = state.conversations.filter((c) => c.kind === "shared" && (!user.partnerId || c.partnerId === user.partnerId));
  if (!state.open || (user.partnerId && state.open !== dmOf(id) && !own.some((c) => c.id === state.open))) state.open = own[0]?.id ?? dmOf(id);
  if (state.open.startsWith("dm-") && state.open !== dmOf(id)) state.open = dmOf(id);
  render();
}

async function start() {
  const s = await api("state");
  Object.assign(state, { users: s.users, conversations: s.conversations, messageActions: s.messageActions, reactions: s.reactions });
  for (const m of s.messages) state.messages.set(m.id, m);
  const select = $("as");
  const group = (label, users) => el("optgroup", { label }, ...users.map((u) => el("option", { value: u.id }, `${u.name}${u.kind === "internal" ? ` — ${u.role}` : ""}`)));
  select.append(group("Partner side", s.users.filter((u) => u.kind === "partner")), group("Our side", s.users.filter((u) => u.kind !== "partner")));
  const wanted = new URLSearchParams(location.search).get("as");
  select.value = s.users.some((u) => u.id === wanted) ? wanted : s.users.find((u) => u.kind === "partner")?.id ?? s.users[0]?.id;
  select.onchange = () => chooseUser(select.value);
  showClock(s.now);
  chooseUser(select.value);

  const events = new EventSource("/playground/api/events");
  events.onmessage = (e) => {
    const change = JSON.parse(e.data);
    if (change.kind === "clock") return showClock(change.now);
    state.messages.set(change.message.id, change.message);
    if (change.message.channelId === state.open) render(); else renderSidebar();
  };
  events.onopen = () => document.body.dataset.live = "true";

  $("composer").onsubmit = async (e) => {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    try {
      await api("messages", { userId: state.me, channelId: state.open, threadId: state.thread, text });
      $("text").value = "";
    } catch (err) { toast(err.message); }
  };
  $("text").onkeydown = (e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); } };
  $("cancel-thread").onclick = () => { state.thread = null; $("thread-target").hidden = true; };
  $("form-close").onclick = () => $("form-dialog").close();
  for (const b of document.querySelectorAll("#clock button")) b.onclick = async () => {
    try { showClock((await api("clock", { minutes: Number(b.dataset.minutes) })).now); } catch (e) { toast(e.message); }
  };
}

start().catch((e) => toast(`The playground could not start: ${e.message}`));
