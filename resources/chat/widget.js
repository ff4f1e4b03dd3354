// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Waybill live chat widget: one script tag on the shop's pages, no dependencies.
//   <script src="https://chat.shop.example/chat/widget.js" async></script>
// It talks to the chat gateway it was loaded from (WebSocket /chat/socket). Messages wait in localStorage until
// the gateway acknowledges them, and are sent again with the same id after a reconnect (the gateway stores each
// once). Replies are shown once each, by id; the newest shown is told to the gateway on reconnect so that replies
// sent while the socket was down arrive too.
(function () {
    'use strict';
    if (window.WaybillChat) {
        return;
    }
    var script = document.currentScript;
    var base = new URL(script ? script.src : '/chat/widget.js', window.location.href);
    var socketUrl = (base.protocol === 'https:' ? 'wss://' : 'ws://') + base.host + '/chat/socket';
    var storeKey = 'waybill-chat:' + base.host;

    function load() {
        try {
            return JSON.parse(window.localStorage.getItem(storeKey)) || {};
        } catch (e) {
            return {};
        }
    }
    var state = load();
    function save() {
        try {
            window.localStorage.setItem(storeKey, JSON.stringify(state));
        } catch (e) {
            // private mode: the chat still works while the page stays open
        }
    }
    function randomId(bytes) {
        var data = new Uint8Array(bytes);
        window.crypto.getRandomValues(data);
        var text = '';
        for (var i = 0; i < data.length; ++i) {
            text += String.fromCharCode(data[i]);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }
    if (!state.session) {
        state.session = randomId(18);
    }
    state.pending = state.pending || []; // messages not acknowledged yet, oldest first
    state.shown = state.shown || []; // what the visitor sees: {kind: 'me'|'agent', id, text, author}
    state.lastSeen = state.lastSeen || 0;
    state.details = state.details || {};
    save();

    // ---- the view ----
    var css = '#waybill-chat{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:14px/1.4 sans-serif;'
        + 'color:#1d2430}#waybill-chat button{font:inherit;cursor:pointer}#waybill-chat .wb-open{border:0;'
        + 'border-radius:20px;padding:10px 16px;background:#2457c5;color:#fff}#waybill-chat .wb-panel{display:none;'
        + 'width:320px;height:440px;background:#fff;border:1px solid #c9d1de;border-radius:8px;'
        + 'box-shadow:0 4px 16px rgba(0,0,0,.15);flex-direction:column}#waybill-chat.wb-opened .wb-panel{display:flex}'
        + '#waybill-chat.wb-opened .wb-open{display:none}#waybill-chat .wb-head{padding:8px 12px;background:#2457c5;'
        + 'color:#fff;border-radius:8px 8px 0 0;display:flex;justify-content:space-between}#waybill-chat .wb-head '
        + 'button{background:none;border:0;color:#fff}#waybill-chat .wb-log{flex:1;overflow-y:auto;padding:8px}'
        + '#waybill-chat .wb-msg{margin:4px 0;padding:6px 10px;border-radius:12px;max-width:80%;white-space:pre-wrap;'
        + 'word-wrap:break-word}#waybill-chat .wb-me{background:#e4ecfb;margin-left:auto}#waybill-chat .wb-agent'
        + '{background:#f1f2f4}#waybill-chat .wb-pending{opacity:.6}'
        + '#waybill-chat .wb-refused{text-decoration:line-through}#waybill-chat .wb-status{padding:2px 12px;'
        + 'font-size:12px;color:#5b6678;min-height:18px}#waybill-chat .wb-details{padding:4px 12px;display:grid;'
        + 'grid-template-columns:1fr 1fr;gap:4px}#waybill-chat input,#waybill-chat textarea{font:inherit;'
        + 'border:1px solid #c9d1de;border-radius:4px;padding:4px;min-width:0}#waybill-chat .wb-compose{display:flex;'
        + 'gap:4px;padding:8px}#waybill-chat textarea{flex:1;resize:none;height:40px}';
    var root = document.createElement('div');
    root.id = 'waybill-chat';
    root.innerHTML = '<style>' + css + '</style>'
        + '<button type="button" class="wb-open" id="waybill-chat-open">Chat with us</button>'
        + '<div class="wb-panel" role="dialog" aria-label="Chat">'
        + '<div class="wb-head"><span class="wb-title">Chat</span>'
        + '<button type="button" id="waybill-chat-close" aria-label="Close">&#x2715;</button></div>'
        + '<div class="wb-log" id="waybill-chat-log" aria-live="polite"></div>'
        + '<div class="wb-status" id="waybill-chat-status"></div>'
        + '<div class="wb-details">'
        + '<input id="waybill-chat-name" placeholder="Your name (optional)" maxlength="256">'
        + '<input id="waybill-chat-email" type="email" placeholder="E-mail (optional)" maxlength="256">'
        + '<input id="waybill-chat-phone" type="tel" placeholder="Phone (optional)" maxlength="256">'
        + '<input id="waybill-chat-order" placeholder="Order number (optional)" maxlength="256"></div>'
        + '<div class="wb-compose"><textarea id="waybill-chat-input" placeholder="Write a message" maxlength="4000">'
        + '</textarea><button type="button" id="waybill-chat-send">Send</button></div></div>';

    var log;
    var status;
    var input;
    var fields = {};
    function el(id) {
        return root.querySelector('#' + id);
    }
    function render() {
        log.textContent = '';
        state.shown.forEach(function (entry) {
            var div = document.createElement('div');
            var pending = entry.kind === 'me' && state.pending.some(function (p) {
                return p.id === entry.id;
            });
            div.className = 'wb-msg ' + (entry.kind === 'me' ? 'wb-me' : 'wb-agent') + (pending ? ' wb-pending' : '')
                + (entry.refused ? ' wb-refused' : '');
            div.setAttribute('data-id', String(entry.id));
            div.textContent = entry.text; // never HTML: what people write is shown as written
            if (entry.kind === 'agent' && entry.author) {
                div.title = entry.author;
            }
            log.appendChild(div);
        });
        log.scrollTop = log.scrollHeight;
    }
    var agentsOnline = true;
    var agentTyping = false;
    var connected = false;
    var notice = '';
    function showStatus() {
        var text = notice;
        if (!text && !connected) {
            text = 'Connecting…';
        } else if (!text && agentTyping) {
            text = 'An agent is typing…';
        } else if (!text && !agentsOnline) {
            text = 'No one is online right now. Leave your e-mail address and we will answer by e-mail.';
        }
        status.textContent = text;
    }

    // ---- the connection ----
    var socket = null;
    var attempt = 0;
    var reconnectTimer = null;
    var retryTimers = {};
    function send(frame) {
        if (socket && socket.readyState === 1) {
            socket.send(JSON.stringify(frame));
            return true;
        }
        return false;
    }
    function sendPending(message) {
        send({ type: 'message', id: message.id, text: message.text, name: message.name || '',
            email: message.email || '', phone: message.phone || '', order: message.order || '' });
    }
    function scheduleReconnect() {
        if (reconnectTimer) {
            return;
        }
        // 0.5 s, 1 s, 2 s … up to 15 s, with jitter so that many widgets do not come back at once.
        var delay = Math.min(15000, 500 * Math.pow(2, attempt)) * (0.75 + Math.random() * 0.5);
        attempt += 1;
        reconnectTimer = window.setTimeout(function () {
            reconnectTimer = null;
            connect();
        }, delay);
    }
    function connect() {
        try {
            socket = new WebSocket(socketUrl);
        } catch (e) {
            scheduleReconnect();
            return;
        }
        var mine = socket;
        socket.onopen = function () {
            send({ type: 'hello', session: state.session, lastSeen: state.lastSeen, page: window.location.href });
        };
        socket.onmessage = function (event) {
            var frame;
            try {
                frame = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            receive(frame);
        };
        socket.onclose = function (event) {
            if (mine !== socket) {
                return;
            }
            connected = false;
            socket = null;
            notice = event.code === 1008 && event.reason ? event.reason : '';
            showStatus();
            scheduleReconnect();
        };
    }
    // What the visitor sees is kept in the browser, up to the last MaxShown entries.
    var MaxShown = 200;
    function show(entry) {
        state.shown.push(entry);
        if (state.shown.length > MaxShown) {
            state.shown.splice(0, state.shown.length - MaxShown);
        }
    }
    function acknowledge(id) {
        state.pending = state.pending.filter(function (p) {
            return p.id !== id;
        });
        save();
        render();
    }
    function receive(frame) {
        switch (frame.type) {
        case 'welcome':
            attempt = 0;
            connected = true;
            notice = '';
            agentsOnline = !!frame.agentsOnline;
            if (frame.shop) {
                root.querySelector('.wb-title').textContent = frame.shop;
            }
            state.pending.forEach(sendPending);
            break;
        case 'ack':
            acknowledge(frame.id);
            break;
        case 'reply':
            agentTyping = false;
            if (!state.shown.some(function (s) {
                return s.kind === 'agent' && s.id === frame.id;
            })) {
                show({ kind: 'agent', id: frame.id, text: frame.text, author: frame.author });
            }
            state.lastSeen = Math.max(state.lastSeen, frame.id);
            save();
            render();
            send({ type: 'seen', id: state.lastSeen });
            break;
        case 'typing':
            agentTyping = !!frame.on;
            break;
        case 'presence':
            agentsOnline = !!frame.agentsOnline;
            break;
        case 'error':
            if ((frame.code === 'rate_limited' || frame.code === 'unavailable') && frame.id) {
                // Kept: sent again after the wait the gateway asked for.
                window.clearTimeout(retryTimers[frame.id]);
                retryTimers[frame.id] = window.setTimeout(function () {
                    state.pending.filter(function (p) {
                        return p.id === frame.id;
                    }).forEach(sendPending);
                }, frame.retryAfterMs || 1000);
            } else if (frame.code === 'too_long' || frame.code === 'bad_frame') {
                // Refused for good: it is not sent again, and the visitor sees which one and why.
                notice = frame.message || 'That message could not be sent.';
                if (frame.id) {
                    state.shown.forEach(function (entry) {
                        if (entry.kind === 'me' && entry.id === frame.id) {
                            entry.refused = true;
                        }
                    });
                    acknowledge(frame.id);
                }
            }
            break;
        default:
            break;
        }
        showStatus();
    }

    // ---- what the visitor does ----
    var typingSent = 0;
    var typingTimer = null;
    function typing() {
        var now = Date.now();
        if (now - typingSent > 3000) {
            typingSent = now;
            send({ type: 'typing', on: true });
        }
        window.clearTimeout(typingTimer);
        typingTimer = window.setTimeout(function () {
            typingSent = 0;
            send({ type: 'typing', on: false });
        }, 5000);
    }
    function submit(text) {
        text = String(text || '').trim();
        if (!text) {
            return null;
        }
        ['name', 'email', 'phone', 'order'].forEach(function (key) {
            state.details[key] = fields[key].value.trim();
        });
        var message = { id: randomId(12), text: text, name: state.details.name, email: state.details.email,
            phone: state.details.phone, order: state.details.order };
        state.pending.push(message);
        show({ kind: 'me', id: message.id, text: text });
        save();
        render();
        sendPending(message);
        window.clearTimeout(typingTimer);
        typingSent = 0;
        notice = '';
        showStatus();
        return message.id;
    }

    function mount() {
        document.body.appendChild(root);
        log = el('waybill-chat-log');
        status = el('waybill-chat-status');
        input = el('waybill-chat-input');
        ['name', 'email', 'phone', 'order'].forEach(function (key) {
            fields[key] = el('waybill-chat-' + key);
            fields[key].value = state.details[key] || '';
        });
        el('waybill-chat-open').addEventListener('click', function () {
            root.classList.add('wb-opened');
            input.focus();
        });
        el('waybill-chat-close').addEventListener('click', function () {
            root.classList.remove('wb-opened');
        });
        el('waybill-chat-send').addEventListener('click', function () {
            if (submit(input.value)) {
                input.value = '';
            }
        });
        input.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                if (submit(input.value)) {
                    input.value = '';
                }
            }
        });
        input.addEventListener('input', typing);
        render();
        showStatus();
        connect();
    }

    // For the shop's own buttons ("Ask us about this order"): open the panel, or read what the widget shows.
    window.WaybillChat = {
        open: function () {
            root.classList.add('wb-opened');
        },
        pendingCount: function () {
            return state.pending.length;
        },
        connected: function () {
            return connected;
        },
        agentTyping: function () {
            return agentTyping;
        },
        agentsOnline: function () {
            return agentsOnline;
        }
    };
    if (document.body) {
        mount();
    } else {
        document.addEventListener('DOMContentLoaded', mount);
    }
}());
