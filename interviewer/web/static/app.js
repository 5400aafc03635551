// interviewer serve: small progressive enhancements. Every page works without this file;
// with it: drag and drop, size checks before upload, streamed replies, drafts kept in
// localStorage, autosaved worksheets, speech where the browser has it.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const store = {
    get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode: the server keeps turns */ } },
    del(k) { try { localStorage.removeItem(k); } catch (e) { /* ignore */ } },
  };

  // --- uploads: drag and drop, and the size limit before anything is sent --------------------
  function checkFile(input) {
    const box = input.closest("[data-drop]");
    const err = box && $("[data-file-error]", box);
    const max = Number(input.dataset.maxBytes || 0);
    const f = input.files && input.files[0];
    let msg = "";
    if (f && max && f.size > max) {
      msg = `${f.name} is ${(f.size / 1048576).toFixed(1)} MB; the limit is ${Math.round(max / 1048576)} MB. Choose a smaller file.`;
    }
    if (err) { err.textContent = msg; err.hidden = !msg; }
    return !msg;
  }
  $$("[data-drop]").forEach((box) => {
    const input = $('input[type="file"]', box);
    ["dragenter", "dragover"].forEach((t) => box.addEventListener(t, (e) => { e.preventDefault(); box.classList.add("over"); }));
    ["dragleave", "drop"].forEach((t) => box.addEventListener(t, () => box.classList.remove("over")));
    box.addEventListener("drop", (e) => {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; checkFile(input); }
    });
    input.addEventListener("change", () => checkFile(input));
    const form = box.closest("form");
    form.addEventListener("submit", (e) => { if (!checkFile(input)) { e.preventDefault(); input.focus(); } });
  });

  // --- slow posts (a role file being drafted): say what is happening and don't post twice ----
  $$("form[data-wait]").forEach((form) => form.addEventListener("submit", (e) => {
    if (e.defaultPrevented) return;
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = "1";
    const role = $('input[type="file"][name="role"]', form);
    const noDraft = $('input[name="no_draft"]', form);
    const drafting = role && role.files && role.files.length && !(noDraft && noDraft.checked);
    const note = $("[data-wait-status]", form);
    if (note) { note.textContent = drafting ? form.dataset.waitDraft : form.dataset.wait; note.hidden = false; }
    // disabled after this tick: a button disabled during its own submit event would not post
    setTimeout(() => $$('button[type="submit"]', form).forEach((b) => { b.disabled = true; }), 0);
  }));
  // back/forward cache: a page restored after the post must be usable again
  window.addEventListener("pageshow", () => $$("form[data-wait]").forEach((form) => {
    delete form.dataset.sent;
    $$('button[type="submit"]', form).forEach((b) => { b.disabled = false; });
    const note = $("[data-wait-status]", form);
    if (note) note.hidden = true;
  }));

  $$("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));
  $$("form[data-confirm]").forEach((f) => f.addEventListener("submit", (e) => {
    if (!window.confirm(f.dataset.confirm)) e.preventDefault();
  }));

  // --- worksheets: kept in this browser at once, and in the same draft as the terminal's ------
  $$("form[data-worksheet]").forEach((form) => {
    const key = "worksheet-" + form.dataset.worksheet;
    const saved = JSON.parse(store.get(key) || "{}");
    const fields = $$("textarea, input[type=text], input[type=date]", form);
    fields.forEach((el) => { if (!el.value && saved[el.name]) el.value = saved[el.name]; });
    const note = $("[data-saved]", form);
    let timer = null;
    form.addEventListener("input", () => {
      const data = {};
      fields.forEach((el) => { if (el.value) data[el.name] = el.value; });
      store.set(key, JSON.stringify(data));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const body = new FormData();
        fields.forEach((el) => body.append(el.name, el.value));
        fetch(`/worksheet/${form.dataset.worksheet}/draft`, { method: "POST", body, headers: { "X-CSRF-Token": csrf } })
          .then((r) => { if (r.ok && note) note.textContent = "Draft saved."; })
          .catch(() => { if (note) note.textContent = "Draft kept in this browser."; });
      }, 600);
    });
    form.addEventListener("submit", () => store.del(key));
  });

  // --- practice chat -------------------------------------------------------------------------
  const chat = $("#chat");
  if (!chat) return;
  const sid = chat.dataset.sid;
  const turns = $("#turns");
  const status = $("#status");
  const form = $("#answer");
  const box = $("#text");
  const send = $("#send");
  const draftKey = box.dataset.draft;

  // A draft that the server already has (the page was reloaded just after sending) is not a draft.
  const mine = $$("#turns li.turn-candidate p");
  const lastSaved = mine.length ? mine[mine.length - 1].textContent.trim() : null;
  if ((store.get(draftKey) || "").trim() === lastSaved) store.del(draftKey);
  if (box.hasAttribute("data-prefilled")) store.set(draftKey, box.value);
  else if (!box.value && store.get(draftKey)) box.value = store.get(draftKey);
  box.addEventListener("input", () => store.set(draftKey, box.value));
  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });

  function addTurn(speaker, name, text) {
    const li = document.createElement("li");
    li.className = "turn-" + speaker;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = name;
    const p = document.createElement("p");
    p.textContent = text;
    li.append(who, p);
    turns.append(li);
    li.scrollIntoView({ block: "nearest" });
    return p;
  }

  // the coach's marks and words come from the page (the criteria registry), not from here
  const coverageList = $("#coverage");
  const MARKS = coverageList ? JSON.parse(coverageList.dataset.marks || "{}") : {};
  const WORDS = coverageList ? JSON.parse(coverageList.dataset.words || "{}") : {};
  function showCoverage(cov) {
    Object.entries(cov || {}).forEach(([cid, v]) => {
      const li = $(`#coverage [data-criterion="${cid}"]`);
      if (!li) return;
      li.className = "c-" + v;
      $(".mark", li).textContent = MARKS[v] || MARKS.missed || "";
      $(".cverdict", li).textContent = WORDS[v] || v;
    });
  }

  const speakBox = $("#speak");
  if ("speechSynthesis" in window && window.SpeechSynthesisUtterance) {
    $("#speak-wrap").hidden = false;
    speakBox.checked = store.get("speak") === "on";
    speakBox.addEventListener("change", () => { store.set("speak", speakBox.checked ? "on" : "off"); if (!speakBox.checked) speechSynthesis.cancel(); });
  }
  function speak(text) {
    if (speakBox.checked && text) speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  if (Recognition) {
    const dictate = $("#dictate");
    let rec = null;
    dictate.hidden = false;
    dictate.addEventListener("click", () => {
      if (rec) { rec.stop(); return; }
      rec = new Recognition();
      rec.continuous = true;
      rec.lang = document.documentElement.lang || "en";
      rec.onresult = (e) => {
        for (let i = e.resultIndex; i < e.results.length; i++) {
          if (e.results[i].isFinal) {
            box.value = (box.value ? box.value.replace(/\s*$/, " ") : "") + e.results[i][0].transcript.trim();
            store.set(draftKey, box.value);
          }
        }
      };
      rec.onend = () => { rec = null; dictate.setAttribute("aria-pressed", "false"); dictate.textContent = "Dictate"; };
      rec.onerror = (e) => { status.textContent = "Dictation stopped (" + e.error + "); typing always works."; };
      rec.start();
      dictate.setAttribute("aria-pressed", "true");
      dictate.textContent = "Stop dictating";
    });
  }

  function busy(on) {
    send.disabled = on;
    chat.setAttribute("aria-busy", on ? "true" : "false");
  }

  // Read a server-sent-event stream from a fetch response, calling onEvent(kind, data).
  async function readEvents(resp, onEvent) {
    const reader = resp.body.getReader();
    const decoder = new TextDecoder();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        let kind = "message", data = "";
        block.split("\n").forEach((line) => {
          if (line.startsWith("event: ")) kind = line.slice(7);
          else if (line.startsWith("data: ")) data += line.slice(6);
        });
        onEvent(kind, data ? JSON.parse(data) : null);
      }
    }
  }

  async function stream(url, init, onFirst) {
    busy(true);
    status.textContent = chat.dataset.interviewer + " is replying…";
    let p = null, ok = false;
    try {
      const resp = await fetch(url, Object.assign({ headers: { Accept: "text/event-stream", "X-CSRF-Token": csrf } }, init));
      if (resp.status === 204) { status.textContent = ""; ok = true; return; }
      if (!resp.ok) {
        let msg = "The reply could not be fetched; your answer is kept in the box.";
        try { msg = (await resp.json()).error || msg; } catch (e) { /* not JSON */ }
        status.textContent = msg;
        return;
      }
      if (onFirst) onFirst();  // the server took the answer (it is saved before the model is asked)
      await readEvents(resp, (kind, data) => {
        if (kind === "text") {
          if (!p) p = addTurn("interviewer", chat.dataset.interviewer, "");
          p.textContent += data;
        } else if (kind === "done") {
          ok = true;
          if (!p && data.text) p = addTurn("interviewer", chat.dataset.interviewer, data.text);
          status.textContent = data.notice ? "(" + data.notice + ")" : "";
          showCoverage(data.coverage);
          speak(data.text);
          if (data.finished) finish();
        } else if (kind === "error") {
          status.textContent = data;
        }
      });
      if (!ok && status.textContent.endsWith("replying…")) status.textContent = "The connection dropped; reload the page to see the reply.";
    } catch (e) {
      status.textContent = "The connection dropped; your answer is kept. Reload the page to continue.";
    } finally {
      busy(false);
      if (ok) box.focus();
    }
  }

  function finish() {
    form.hidden = true;
    const end = $("#end");
    end.textContent = "See my report";
    end.classList.remove("secondary");
    status.textContent = "The interview is over.";
    end.focus();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = box.value.trim();
    if (!text || send.disabled) return;
    const body = new FormData();
    body.append("text", text);
    const sent = addTurn("candidate", chat.dataset.candidate, text).parentElement;
    stream(`/practice/${sid}/say`, { method: "POST", body }, () => {
      box.value = "";
      store.del(draftKey);
    }).then(() => { if (box.value) sent.remove(); });  // not taken: it stays in the box, not in the chat
  });

  if (chat.dataset.running) {
    // A reply was being written when the page (re)loaded: its words so far are replayed.
    stream(`/practice/${sid}/stream`, { method: "GET" });
  } else if (chat.dataset.needs) {
    const body = new FormData();
    body.append("csrf", csrf);
    stream(`/practice/${sid}/next`, { method: "POST", body });
  }
})();
