// The Carrier browser terminal: xterm.js on the /terminal WebSocket.
// Bytes both ways in binary frames; JSON control in text frames: {"type":"resize","cols":C,"rows":R}
// from here, {"type":"bell"} from the server. A dropped connection is called again after
// 3 s x 1.5^n (n = attempts so far), 10 attempts at most, then a Reconnect button is offered.
// A session that ended (close code 1000: the user said goodbye) is not called again by itself.
(function () {
  'use strict';

  var FIRST_DELAY_MS = 3000;
  var FACTOR = 1.5;
  var MAX_ATTEMPTS = 10;
  var SESSION_ENDED = 1000;

  var statusLine = document.getElementById('status');
  var reconnectButton = document.getElementById('reconnect');
  var beepBox = document.getElementById('beep');
  var screen = document.getElementById('terminal');

  var term = new Terminal({
    cursorBlink: true,
    scrollback: 2000,
    fontSize: 15,
    fontFamily: '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace',
    theme: { background: '#000000', foreground: '#c0c0c0' }
  });
  var fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(screen);
  fit.fit();
  term.focus();

  var encoder = new TextEncoder();
  var socket = null;
  var attempts = 0;   // calls again since the last successful one
  var timer = null;
  var state = 'connecting';

  // For people and for tests: the state, the calls made, the bells heard, and the screen as text.
  window.carrier = {
    term: term,
    bells: 0,
    connects: 0,
    history: [],        // [{at: Date.now(), state, text}], the latest 100
    delayMs: delayMs,
    state: function () { return state; },
    screenText: function () {
      var buffer = term.buffer.active;
      var lines = [];
      for (var i = 0; i < buffer.length; i++) {
        var line = buffer.getLine(i);
        lines.push(line ? line.translateToString(true) : '');
      }
      return lines.join('\n');
    }
  };

  /** The wait before call again number n + 1: 3 s, 4.5 s, 6.75 s... */
  function delayMs(n) {
    return FIRST_DELAY_MS * Math.pow(FACTOR, n);
  }

  function show(newState, text) {
    window.carrier.history.push({ at: Date.now(), state: newState, text: text });
    if (window.carrier.history.length > 100) window.carrier.history.shift();
    state = newState;
    statusLine.dataset.state = newState;
    statusLine.textContent = text;
  }

  function terminalUrl() {
    var url = new URL('terminal', window.location.href);
    url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '?cols=' + term.cols + '&rows=' + term.rows;
    url.hash = '';
    return url.href;
  }

  function connect() {
    clearTimeout(timer);
    timer = null;
    reconnectButton.hidden = true;
    show('connecting', attempts > 0 ? 'connecting (attempt ' + attempts + ' of ' + MAX_ATTEMPTS + ')' : 'connecting');
    var ws = new WebSocket(terminalUrl());
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = function () {
      attempts = 0;
      window.carrier.connects++;
      show('connected', 'connected');
      sendResize(); // the window may have changed while connecting
      term.focus();
    };
    ws.onmessage = function (event) {
      if (typeof event.data === 'string') {
        control(event.data);
      } else {
        term.write(new Uint8Array(event.data));
      }
    };
    ws.onclose = function (event) {
      if (socket !== ws) return;
      socket = null;
      if (event.code === SESSION_ENDED) {
        show('disconnected', 'disconnected: the session ended');
        offerReconnect();
      } else {
        callAgainLater();
      }
    };
  }

  function callAgainLater() {
    if (attempts >= MAX_ATTEMPTS) {
      show('disconnected', 'disconnected: gave up after ' + MAX_ATTEMPTS + ' attempts');
      offerReconnect();
      return;
    }
    var delay = delayMs(attempts);
    attempts++;
    show('disconnected', 'disconnected; calling again in ' + (delay / 1000).toFixed(1) + ' s');
    timer = setTimeout(connect, delay);
  }

  function offerReconnect() {
    reconnectButton.hidden = false;
  }

  reconnectButton.addEventListener('click', function () {
    attempts = 0;
    connect();
  });

  function control(text) {
    var message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      console.warn('carrier: unreadable control frame', text);
      return;
    }
    if (message.type === 'bell') {
      ring();
    } else if (message.type === 'error') {
      console.warn('carrier: the server could not use a frame:', message.message);
    }
  }

  function send(bytes) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(bytes);
  }

  function sendResize() {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows }));
    }
  }

  term.onData(function (data) {
    send(encoder.encode(data));
  });
  term.onResize(sendResize);

  var refit = null;
  window.addEventListener('resize', function () {
    clearTimeout(refit);
    refit = setTimeout(function () { fit.fit(); }, 100);
  });

  // The bell: flash the screen, and beep if asked to.
  var audio = null;

  function ring() {
    window.carrier.bells++;
    screen.classList.remove('flash');
    void screen.offsetWidth; // restart the animation
    screen.classList.add('flash');
    if (beepBox.checked) beep();
  }

  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var tone = audio.createOscillator();
      var volume = audio.createGain();
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.15, audio.currentTime);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.15);
      tone.connect(volume);
      volume.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch (e) {
      console.warn('carrier: cannot beep', e);
    }
  }

  if (typeof term.onBell === 'function') term.onBell(ring); // a BEL inside the text, should one come
  screen.addEventListener('animationend', function () { screen.classList.remove('flash'); });

  try {
    beepBox.checked = window.localStorage.getItem('carrier.beep') === 'on';
  } catch (e) { /* storage may be off */ }
  beepBox.addEventListener('change', function () {
    try {
      window.localStorage.setItem('carrier.beep', beepBox.checked ? 'on' : 'off');
    } catch (e) { /* storage may be off */ }
    term.focus();
  });

  connect();
})();
