// Keyboard reading and the reader's marks (issue 16). Without this script every mark is a
// plain form; with it: j/k select the next/previous item (aria-current="true"), o or Enter
// opens it, s stars, m toggles read, A marks it and all above as read, / goes to the
// search field, ? shows the shortcuts. Keys are left alone while typing in a field or with
// Ctrl, Alt or Meta held. What a key did is announced in the live region #reader-live.
(function () {
  'use strict';

  var selected = -1;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('article[data-item-id]'));
  }

  function live() {
    return document.getElementById('reader-live');
  }

  function say(key, args) {
    var region = live();
    if (!region) {
      return;
    }
    var text = region.getAttribute('data-say-' + key) || key;
    (args || []).forEach(function (value, i) {
      text = text.split('{' + i + '}').join(String(value));
    });
    // Emptying first makes a repeated message be announced again.
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 30);
  }

  function typing(target) {
    if (!target || target === document.body) {
      return false;
    }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function select(index) {
    var list = items();
    if (list.length === 0) {
      return;
    }
    index = Math.max(0, Math.min(index, list.length - 1));
    list.forEach(function (article) { article.removeAttribute('aria-current'); });
    var article = list[index];
    selected = index;
    article.setAttribute('aria-current', 'true');
    article.scrollIntoView({ block: 'nearest' });
    var title = article.querySelector('.card-title a, h3');
    say('item', [index + 1, list.length, title ? title.textContent.trim() : '']);
  }

  function current() {
    var list = items();
    return (selected >= 0 && selected < list.length) ? list[selected] : null;
  }

  function csrf(scope) {
    var input = (scope && scope.querySelector('input[name="_csrf"]')) || document.querySelector('input[name="_csrf"]');
    return input ? input.value : null;
  }

  // Marks of one item as the server answered them: data attributes, buttons, hidden values.
  function show(holder, marks) {
    [['read', 'mark-read'], ['starred', 'mark-star']].forEach(function (pair) {
      if (!(pair[0] in marks)) {
        return;
      }
      var on = !!marks[pair[0]];
      holder.setAttribute('data-' + pair[0], String(on));
      var label = (pair[0] === 'read') && holder.querySelector('.read-state');
      if (label) {
        label.textContent = label.getAttribute(on ? 'data-on' : 'data-off');
      }
      var form = holder.querySelector('form.' + pair[1]);
      if (form) {
        var button = form.querySelector('button');
        button.setAttribute('aria-pressed', String(on));
        button.textContent = button.getAttribute(on ? 'data-on' : 'data-off');
        form.querySelector('input[name="' + pair[0] + '"]').value = String(!on);
      }
    });
  }

  function post(form) {
    var body = new URLSearchParams(new FormData(form));
    if (!body.get('_csrf') && csrf(form)) {
      body.set('_csrf', csrf(form));
    }
    return fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'X-Reader': '1', 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    });
  }

  function holderOf(form) {
    return form.closest('[data-item-id]');
  }

  function submitMark(form) {
    var holder = holderOf(form);
    if (form.classList.contains('mark-above')) {
      return post(form).then(function (answer) {
        var list = items();
        var index = list.indexOf(holder);
        list.slice(0, index + 1).forEach(function (article) { show(article, { read: true }); });
        say('above', [answer.marked]);
      });
    }
    var star = form.classList.contains('mark-star');
    return post(form).then(function (marks) {
      show(holder, marks);
      say(star ? (marks.starred ? 'starred' : 'unstarred') : (marks.read ? 'read' : 'unread'));
    });
  }

  function act(kind) {
    var article = current();
    var form = article && article.querySelector('form.' + kind);
    if (form) {
      submitMark(form).catch(function () { say('failed'); });
    }
  }

  function open() {
    var article = current();
    var link = article && article.querySelector('.card-title a');
    if (link) {
      window.location.assign(link.href);
    }
  }

  function focusSearch() {
    var field = document.querySelector('input[type="search"], #q');
    if (field) {
      field.focus();
      field.select();
    }
    else {
      window.location.assign('/#q');
    }
  }

  function help() {
    var dialog = document.getElementById('reader-help');
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) {
      return;
    }
    var dialog = document.getElementById('reader-help');
    if (dialog && dialog.open) {
      return;
    }
    var key = event.key;
    if (key === 'Enter') {
      // Enter on a link, button or summary keeps its own meaning.
      if (event.target.closest && event.target.closest('a, button, summary')) {
        return;
      }
      key = 'o';
    }
    var handled = true;
    switch (key) {
      case 'j': select(selected + 1); break;
      case 'k': select(selected < 0 ? 0 : selected - 1); break;
      case 'o': if (current()) { open(); } else { handled = false; } break;
      case 's': act('mark-star'); break;
      case 'm': act('mark-read'); break;
      case 'A': act('mark-above'); break;
      case '/': focusSearch(); break;
      case '?': help(); break;
      default: handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  // The cards' forms mark in place instead of reloading the page.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form.mark-read, form.mark-star, form.mark-above') || !holderOf(form)) {
      return;
    }
    event.preventDefault();
    submitMark(form).catch(function () { form.submit(); });
  });
})();
