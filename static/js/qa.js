/* Live Q&A: keeps the channel page (or the presenter view) in step over a WebSocket.
 * Without it the page still works: every form posts normally. Question text only ever
 * reaches the page through textContent, never as markup. */
(function () {
  "use strict";

  var root = document.querySelector("[data-qa-channel][data-live]");
  if (!root || !("WebSocket" in window)) return;

  var presenter = root.getAttribute("data-qa-mode") === "presenter";
  var limit = parseInt(root.getAttribute("data-limit") || "0", 10);
  var list = root.querySelector("[data-qa-list]");
  var empty = root.querySelector("[data-qa-empty]");
  var statusLine = root.querySelector("[data-qa-status]");
  var feedback = document.getElementById("qa-feedback");
  var template = document.getElementById("qa-question-template");
  var labelsNode = document.getElementById("qa-labels");
  var labels = labelsNode ? JSON.parse(labelsNode.textContent) : { states: {} };
  var RANK = { pinned: 0, open: 1, answered: 1, hidden: 2 };

  var questions = new Map(); // id -> question data, as sent by the server
  var voted = new Set();
  var lastSeen = 0; // the newest event id seen: the resume cursor after a drop
  var socket = null;
  var retryDelay = 1000;
  var nextRef = 1;
  var pending = new Map(); // ref -> action, to confirm the actor's own posts

  function say(node, text) {
    if (node) node.textContent = text || "";
  }

  function votesLabel(count) {
    var pattern = count === 1 ? labels.votesOne : labels.votesOther;
    return (pattern || "%(count)s").replace("%(count)s", String(count));
  }

  function field(node, name) {
    return node.querySelector('[data-field="' + name + '"]');
  }

  function setId(node, id) {
    node.id = "question-" + id;
    node.setAttribute("data-question-id", String(id));
    node.querySelectorAll("form[action]").forEach(function (form) {
      form.setAttribute("action", form.getAttribute("action").replace("/questions/0/", "/questions/" + id + "/"));
    });
    var textarea = node.querySelector("textarea");
    var label = node.querySelector("label[for]");
    if (textarea && label) {
      textarea.id = "answer-" + id;
      label.setAttribute("for", textarea.id);
    }
  }

  function fillAnswers(container, answers) {
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    (answers || []).forEach(function (answer) {
      var item = document.createElement("li");
      item.className = "qa-answer";
      var text = document.createElement("p");
      text.className = "qa-answer__text";
      text.textContent = answer.text;
      var meta = document.createElement("p");
      meta.className = "qa-answer__meta";
      meta.textContent = answer.author || labels.anonymousAuthor;
      item.appendChild(text);
      item.appendChild(meta);
      container.appendChild(item);
    });
  }

  function fill(node, question) {
    node.setAttribute("data-state", question.state);
    say(field(node, "text"), question.text);
    say(field(node, "author"), question.author || labels.anonymousAuthor);
    say(field(node, "state"), labels.states[question.state] || question.state);
    say(field(node, "votes"), votesLabel(question.votes));
    fillAnswers(field(node, "answers"), question.answers);
    var button = field(node, "vote-button");
    if (button) {
      var mine = voted.has(question.id);
      button.setAttribute("aria-pressed", mine ? "true" : "false");
      say(button, mine ? labels.unvote : labels.upvote);
      var action = button.form && button.form.querySelector('input[name="action"]');
      if (action) action.value = mine ? "down" : "up";
    }
    node.querySelectorAll('button[name="state"]').forEach(function (stateButton) {
      stateButton.setAttribute("aria-pressed", stateButton.value === question.state ? "true" : "false");
    });
  }

  function nodeFor(question) {
    var node = list.querySelector('[data-question-id="' + question.id + '"]');
    if (!node && template) {
      node = template.content.firstElementChild.cloneNode(true);
      setId(node, question.id);
    }
    return node;
  }

  function ordered() {
    var all = Array.from(questions.values());
    if (presenter) {
      all = all.filter(function (q) { return q.state === "open" || q.state === "pinned"; });
    }
    all.sort(function (a, b) {
      return (RANK[a.state] - RANK[b.state]) || (b.votes - a.votes) ||
        (a.asked < b.asked ? -1 : a.asked > b.asked ? 1 : a.id - b.id);
    });
    return limit > 0 ? all.slice(0, limit) : all;
  }

  function render() {
    var wanted = ordered();
    var keep = new Set(wanted.map(function (q) { return String(q.id); }));
    Array.from(list.children).forEach(function (child) {
      if (!keep.has(child.getAttribute("data-question-id"))) list.removeChild(child);
    });
    wanted.forEach(function (question, index) {
      var node = nodeFor(question);
      if (!node) return;
      fill(node, question);
      if (list.children[index] !== node) list.insertBefore(node, list.children[index] || null);
    });
    if (empty) {
      empty.hidden = wanted.length > 0;
      // "Yet" only while nothing was asked; once everything is answered, say so.
      var asked = Array.from(questions.values()).some(function (q) { return q.state !== "hidden"; });
      if (presenter && wanted.length === 0) say(empty, asked ? labels.allAnswered : labels.noneAsked);
    }
  }

  function upsert(data) {
    var known = questions.get(data.id);
    if (!known && typeof data.text !== "string") return; // a vote on a question we never saw
    questions.set(data.id, Object.assign({}, known || {}, data));
  }

  function seen(eventId) {
    if (typeof eventId === "number" && eventId > lastSeen) lastSeen = eventId;
  }

  function applyMe(me, ids) {
    if (!me) return;
    ids.forEach(function (id) { voted.delete(id); });
    (me.voted || []).forEach(function (id) { voted.add(id); });
  }

  var handlers = {
    state: function (frame) {
      questions.clear();
      voted.clear();
      frame.questions.forEach(upsert);
      applyMe(frame.me, []);
      seen(frame.event);
    },
    changes: function (frame) {
      frame.questions.forEach(upsert);
      frame.removed.forEach(function (id) { questions.delete(id); });
      applyMe(frame.me, frame.questions.map(function (q) { return q.id; }));
      seen(frame.event);
    },
    question: function (frame) {
      upsert(frame.question);
      seen(frame.event);
    },
    removed: function (frame) {
      questions.delete(frame.question);
      seen(frame.event);
    },
    ack: function (frame) {
      if (frame.action === "vote") {
        if (frame.voted) voted.add(frame.question); else voted.delete(frame.question);
      }
      var form = pending.get(frame.ref);
      pending.delete(frame.ref);
      if (form && (frame.action === "ask" || frame.action === "answer")) {
        form.reset();
        say(feedback, frame.action === "ask" ? labels.asked : labels.answered);
      }
    },
    error: function (frame) {
      pending.delete(frame.ref);
      say(feedback, frame.message);
      if (frame.code === "sign_in_required") say(statusLine, labels.signIn);
    }
  };

  function onMessage(event) {
    var frame;
    try { frame = JSON.parse(event.data); } catch (error) { return; }
    var handler = handlers[frame.type];
    if (!handler) return;
    handler(frame);
    render();
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var url = scheme + window.location.host + root.getAttribute("data-socket-path") +
      "?lang=" + encodeURIComponent(document.documentElement.lang || "en");
    if (lastSeen) url += "&since=" + lastSeen;
    say(statusLine, labels.connecting);
    socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      retryDelay = 1000;
      say(statusLine, labels.live);
      root.setAttribute("data-connected", "true");
    });
    socket.addEventListener("message", onMessage);
    socket.addEventListener("close", function (event) {
      root.removeAttribute("data-connected");
      socket = null;
      if (event.code === 4401 || event.code === 4403 || event.code === 4404) {
        say(statusLine, event.code === 4401 ? labels.signIn : labels.offline);
        return;
      }
      say(statusLine, labels.offline);
      window.setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    });
  }

  function send(frame, form) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    frame.ref = nextRef++;
    if (form) pending.set(frame.ref, form);
    socket.send(JSON.stringify(frame));
    return true;
  }

  function questionId(form) {
    var item = form.closest("[data-question-id]");
    return item ? parseInt(item.getAttribute("data-question-id"), 10) : null;
  }

  // Forms post normally unless the socket is open; then the same action goes over it.
  root.addEventListener("submit", function (event) {
    var form = event.target;
    var action = form.getAttribute("data-qa-action");
    if (!action) return;
    var frame;
    if (action === "ask") {
      frame = { type: "ask", text: form.elements.text.value };
    } else if (action === "answer") {
      frame = { type: "answer", question: questionId(form), text: form.elements.text.value };
    } else if (action === "vote") {
      frame = { type: voted.has(questionId(form)) ? "unvote" : "vote", question: questionId(form) };
    } else if (action === "moderate") {
      var submitter = event.submitter;
      if (!submitter || !submitter.value) return;
      frame = { type: "moderate", question: questionId(form), state: submitter.value };
    } else {
      return;
    }
    if (send(frame, form)) event.preventDefault();
  });

  connect();
})();
