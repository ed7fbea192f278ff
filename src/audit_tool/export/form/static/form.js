// The fillable form's one script. It reads the tool from the page's JSON data block,
// builds the form with DOM calls (text always through textContent, never as markup),
// applies conditions and evidence rules as the auditor answers, checks the return the
// way `audit-tool validate` does on the codes listed in FORM_CHECKS (docs/form.md),
// keeps a draft in localStorage, and saves and opens response files (YAML or JSON).
// Nothing here evaluates text as code, and nothing is sent anywhere.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("form-data").textContent);
  var TOOL = DATA.tool;
  var LOCKED = DATA.locked || {};

  // --- plain-data helpers -------------------------------------------------------------

  function own(obj, key) {
    return obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key);
  }
  function put(obj, key, value) {
    // defineProperty: a key such as "__proto__" from a file stays a plain key
    Object.defineProperty(obj, key, { value: value, enumerable: true, writable: true, configurable: true });
  }
  function isMapping(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }
  function keys(obj) {
    return Object.keys(obj);
  }
  function ptr() {
    var out = "";
    for (var i = 0; i < arguments.length; i++) {
      out += "/" + String(arguments[i]).replace(/~/g, "~0").replace(/\//g, "~1");
    }
    return out;
  }
  function codePoints(s) {
    return Array.from(s).length;
  }
  // Python's str.strip() whitespace
  var SPACE = "[\\s\\x1c-\\x1f\\x85]";
  var STRIP = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");
  function strip(s) {
    return String(s).replace(STRIP, "");
  }
  var DATE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  function parseDate(v) {
    if (typeof v !== "string" || !DATE_RE.test(v)) return null;
    var y = Number(v.slice(0, 4)), m = Number(v.slice(5, 7)), d = Number(v.slice(8, 10));
    if (y < 1 || m < 1 || m > 12 || d < 1) return null;
    var days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return d <= days[m - 1] ? v : null;
  }
  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return String(now.getFullYear()).padStart(4, "0") + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  var REF_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
  var ID_RE = /^[a-z][a-z0-9_]*$/;

  // --- the tool, indexed ----------------------------------------------------------------

  var TOP = [];
  var BY_ID = {};
  var SECTION_OF = {};
  DATA.sections.forEach(function (section) {
    section.questions.forEach(function (q) {
      TOP.push(q);
      put(BY_ID, q.id, q);
      put(SECTION_OF, q.id, section);
      (q.questions || []).forEach(function (sub) {
        put(BY_ID, sub.id, sub);
        put(SECTION_OF, sub.id, section);
      });
    });
  });
  function isTop(id) {
    return own(BY_ID, id) && TOP.indexOf(BY_ID[id]) >= 0;
  }
  function optionValues(q) {
    return (q.options || []).map(function (o) { return o.value; });
  }
  function option(q, value) {
    return (q.options || []).filter(function (o) { return o.value === value; })[0] || null;
  }

  // --- conditions: the six forms, as audit_tool.conditions evaluates them ----------------

  function isAnswered(v) {
    if (v === null || v === undefined) return false;
    if (typeof v === "string" || Array.isArray(v)) return v.length > 0;
    if (isMapping(v)) return keys(v).length > 0;
    return true;
  }
  function same(answer, expected) {
    // a yes/no answer never equals a number
    if ((typeof answer === "boolean") !== (typeof expected === "boolean")) return false;
    return answer === expected;
  }
  function matches(answer, expected) {
    if (Array.isArray(answer)) return answer.some(function (a) { return same(a, expected); });
    return same(answer, expected);
  }
  function evaluate(c, values) {
    if (own(c, "all")) return c.all.every(function (p) { return evaluate(p, values); });
    if (own(c, "any")) return c.any.some(function (p) { return evaluate(p, values); });
    if (own(c, "not")) return !evaluate(c.not, values);
    var answer = own(values, c.question) ? values[c.question] : null;
    if (own(c, "equals")) return matches(answer, c.equals);
    if (own(c, "in")) return c["in"].some(function (v) { return matches(answer, v); });
    if (own(c, "answered")) return isAnswered(answer) === c.answered;
    return false;
  }

  // --- the walk of a return against the tool (audit_tool.answers.walk_answers) -----------

  function valueOf(raw) {
    if (isMapping(raw)) return own(raw, "value") ? raw.value : null;
    return raw === undefined ? null : raw;
  }
  function answerPointer(base, raw) {
    return raw === undefined || raw === null || isMapping(raw) ? base + "/value" : base;
  }
  function entriesOf(raw) {
    var v = valueOf(raw);
    return Array.isArray(v) && v.every(isMapping) ? v : [];
  }
  function walk(answers) {
    var slots = [];
    var values = {};
    TOP.forEach(function (q) {
      var present = own(answers, q.id);
      var raw = present ? answers[q.id] : undefined;
      var applies = !q.when || evaluate(q.when, values);
      var base = ptr("answers", q.id);
      slots.push({ q: q, raw: raw, present: present, applies: applies, pointer: base,
                   valuePointer: answerPointer(base, raw), groupApplies: true, entry: null, group: null });
      if (applies && present) put(values, q.id, valueOf(raw));
      if (q.type === "group" && present) {
        var entriesAt = answerPointer(base, raw);
        entriesOf(raw).forEach(function (entry, i) {
          var inner = Object.assign({}, values);
          q.questions.forEach(function (sub) {
            var subPresent = own(entry, sub.id);
            var subRaw = subPresent ? entry[sub.id] : undefined;
            var subApplies = applies && (!sub.when || evaluate(sub.when, inner));
            var at = entriesAt + ptr(i, sub.id);
            slots.push({ q: sub, raw: subRaw, present: subPresent, applies: subApplies, pointer: at,
                         valuePointer: answerPointer(at, subRaw), groupApplies: applies, entry: i, group: q });
            if (subApplies && subPresent) put(inner, sub.id, valueOf(subRaw));
          });
        });
      }
    });
    return slots;
  }

  // --- the checker: validate's rules for the codes in FORM_CHECKS ------------------------

  function isGiven(q, v) {
    if (v === null || v === undefined || v === "") return false;
    return q.type === "group" || !(Array.isArray(v) && v.length === 0);
  }
  function typeFits(q, v) {
    switch (q.type) {
      case "single_choice": return typeof v === "string";
      case "multiple_choice": return Array.isArray(v) && v.every(function (x) { return typeof x === "string"; });
      case "text": return typeof v === "string";
      case "date": return parseDate(v) !== null;
      case "number": return typeof v === "number" && isFinite(v);
      default: return Array.isArray(v);
    }
  }
  function trigger(rule, v) {
    var chosen = Array.isArray(v) ? v : [v];
    return chosen.filter(function (x) { return typeof x === "string" && rule.requiredFor.indexOf(x) >= 0; })[0] || null;
  }
  function requiresEvidence(q, v) {
    var rule = q.evidence;
    return !!rule && (rule.required || trigger(rule, v) !== null);
  }
  function evidenceOf(raw) {
    return isMapping(raw) && typeof raw.evidence === "string" ? raw.evidence : "";
  }

  function check(data) {
    var out = [];
    function add(code, pointer, question, what) {
      out.push({ code: code, pointer: pointer, question: question ? question.id : null, what: what });
    }
    if (!isMapping(data)) {
      add("not-a-mapping", "", null, "is not a mapping of keys to values");
      return out;
    }
    var now = today();
    metadata(data, add, now);
    var ref = data.tool;
    if (isMapping(ref)) {
      if (ref.id !== TOOL.id) {
        add("wrong-tool", "/tool/id", null, "answers another tool");
        return out;
      }
      if (ref.version !== TOOL.version) {
        add("wrong-tool-version", "/tool/version", null, "answers another version of the tool");
        return out;
      }
      if (ref.fingerprint !== undefined && ref.fingerprint !== null && ref.fingerprint !== TOOL.fingerprint) {
        add("fingerprint-mismatch", "/tool/fingerprint", null, "was made with a different copy of this tool version");
      }
    }
    var answers = isMapping(data.answers) ? data.answers : {};
    strays(answers).forEach(function (s) { add("unknown-answer", s.pointer, null, "has no place in this tool"); });
    var period = isMapping(data.period) ? data.period : null;
    var start = period && parseDate(period.start), end = period && parseDate(period.end);
    walk(answers).forEach(function (slot) { checkSlot(slot, add, now, start && end && start <= end ? start : null); });
    return out;
  }

  function metadata(data, add, now) {
    ["case", "agency"].forEach(function (field) {
      var v = data[field];
      if (v === undefined || v === null) add("missing-field", "/" + field, null, "is missing");
      else if (typeof v !== "string" || !(field === "case" ? REF_RE : ID_RE).test(v)) add("invalid-value", "/" + field, null, "is not written as the form asks");
    });
    if (data.round !== undefined && data.round !== null && (typeof data.round !== "string" || !REF_RE.test(data.round))) {
      add("invalid-value", "/round", null, "is not written as the form asks");
    }
    var completed = data.completed;
    if (completed === undefined || completed === null) add("missing-metadata", "/completed", null, "needs the date it was completed");
    var period = data.period;
    var blank = period === undefined || period === null ||
      (isMapping(period) && (period.start === undefined || period.start === null) && (period.end === undefined || period.end === null) &&
       keys(period).every(function (k) { return k === "start" || k === "end"; }));
    if (blank) add("missing-metadata", "/period", null, "needs the audit period");
    var role = data.auditor_role;
    if (role === undefined || role === null || (typeof role === "string" && !strip(role))) {
      add("missing-metadata", "/auditor_role", null, "needs the auditor's role");
    }
    var start = !blank && isMapping(period) ? parseDate(period.start) : null;
    var end = !blank && isMapping(period) ? parseDate(period.end) : null;
    var done = parseDate(completed);
    [["/completed", done], ["/period/start", start], ["/period/end", end]].forEach(function (d) {
      if (d[1] && d[1] > now) add("date-in-future", d[0], null, "is after today");
    });
    if (start && end && start > end) add("period-start-after-end", "/period/start", null, "starts after the period ends");
    if (start && end && done && done < end) add("completed-before-period-ends", "/completed", null, "is before the audit period ends");
  }

  function strays(answers) {
    var found = [];
    keys(answers).forEach(function (key) {
      if (!isTop(key)) found.push({ key: key, pointer: ptr("answers", key), group: null, entry: null });
    });
    TOP.forEach(function (q) {
      if (q.type !== "group" || !own(answers, q.id)) return;
      var raw = answers[q.id];
      var at = answerPointer(ptr("answers", q.id), raw);
      var subIds = q.questions.map(function (s) { return s.id; });
      entriesOf(raw).forEach(function (entry, i) {
        keys(entry).forEach(function (key) {
          if (subIds.indexOf(key) < 0) found.push({ key: key, pointer: at + ptr(i, key), group: q, entry: i });
        });
      });
    });
    return found;
  }

  function checkSlot(slot, add, now, periodStart) {
    var q = slot.q;
    if (slot.groupApplies) {
      var given = slot.present && isGiven(q, valueOf(slot.raw));
      if (slot.applies && q.required && !given) add("missing-answer", slot.pointer, q, "needs an answer");
      else if (!slot.applies && slot.present && isAnswered(valueOf(slot.raw))) {
        add("unexpected-answer", slot.pointer, q, "does not apply, so its answer is left out");
      }
    }
    if (!slot.present) return;
    var v = valueOf(slot.raw);
    if (isGiven(q, v)) {
      checkValue(q, v, slot.valuePointer, add);
      if (q.type === "date" && parseDate(v) && v > now) add("date-in-future", slot.valuePointer, q, "is after today");
    }
    if (isGiven(q, v) && requiresEvidence(q, v) && !strip(evidenceOf(slot.raw))) {
      add("evidence-missing", slot.pointer, q, "needs evidence from your records");
    }
    var day = isMapping(slot.raw) ? parseDate(slot.raw.evidence_date) : null;
    if (day) {
      var at = slot.pointer + "/evidence_date";
      if (day > now) add("date-in-future", at, q, "has evidence dated after today");
      else if (periodStart && day < periodStart) {
        add("evidence-before-period", at, q, "has evidence dated before the audit period (say if it is historical)");
      }
    }
  }

  function checkValue(q, v, at, add) {
    if (!typeFits(q, v)) {
      add("answer-wrong-type", at, q, "is not the kind of answer it takes (" + q.answer + ")");
      return;
    }
    var options = optionValues(q);
    if (q.type === "single_choice") {
      if (options.indexOf(v) < 0) add("option-not-in-scale", at, q, "is not one of its options");
    } else if (q.type === "multiple_choice") {
      var seen = [];
      v.forEach(function (chosen, i) {
        if (options.indexOf(chosen) < 0) add("option-not-in-scale", at + ptr(i), q, "has a choice that is not one of its options");
        else if (seen.indexOf(chosen) >= 0) add("duplicate-choice", at + ptr(i), q, "lists a choice twice");
        if (seen.indexOf(chosen) < 0) seen.push(chosen);
      });
      var count = seen.length;
      if (q.minSelected !== null && q.minSelected !== undefined && count < q.minSelected) add("too-few-choices", at, q, "needs at least " + q.minSelected + " chosen");
      if (q.maxSelected !== null && q.maxSelected !== undefined && count > q.maxSelected) add("too-many-choices", at, q, "allows at most " + q.maxSelected + " chosen");
      if (count > 1) {
        v.forEach(function (chosen, i) {
          var o = option(q, chosen);
          if (o && o.exclusive && v.indexOf(chosen) === i) add("exclusive-choice", at + ptr(i), q, "has \u201c" + o.label + "\u201d, which must be chosen on its own");
        });
      }
    } else if (q.type === "text") {
      if (q.maxLength && codePoints(v) > q.maxLength) add("text-too-long", at, q, "is longer than " + q.maxLength + " characters");
    } else if (q.type === "number") {
      if (q.integer && !Number.isInteger(v)) add("not-a-whole-number", at, q, "takes a whole number");
      if (q.minimum !== null && q.minimum !== undefined && v < q.minimum) add("number-out-of-range", at, q, "is below its minimum of " + q.minimum);
      if (q.maximum !== null && q.maximum !== undefined && v > q.maximum) add("number-out-of-range", at, q, "is above its maximum of " + q.maximum);
    } else if (q.type === "group") {
      v.forEach(function (entry, i) {
        if (!isMapping(entry)) add("answer-wrong-type", at + ptr(i), q, "has an entry that is not a set of answers");
      });
      var label = q.entryLabel + "s";
      if (v.length < q.minEntries) add("too-few-entries", at, q, "needs at least " + q.minEntries + " " + label);
      if (q.maxEntries !== null && q.maxEntries !== undefined && v.length > q.maxEntries) add("too-many-entries", at, q, "allows at most " + q.maxEntries + " " + label);
    }
  }

  // --- reading YAML: the subset response files use (docs/form.md) ------------------------

  function YamlError(line, message) {
    this.line = line;
    this.message = message;
  }
  var MAX_TEXT = 5 * 1024 * 1024;
  var MAX_DEPTH = 64;

  function resolvePlain(t) {
    if (/^(?:~|null|Null|NULL|)$/.test(t)) return null;
    if (/^(?:true|True|TRUE)$/.test(t)) return true;
    if (/^(?:false|False|FALSE)$/.test(t)) return false;
    if (/^[-+]?[0-9]+$/.test(t)) return Number(t);
    if (/^0o[0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(t)) return Number(t);
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(t)) return t.charAt(0) === "-" ? -Infinity : Infinity;
    if (/^\.(?:nan|NaN|NAN)$/.test(t)) return NaN;
    return t;
  }

  var ESCAPES = { "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\x0b", f: "\f", r: "\r",
                  e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029" };

  function parseYaml(text) {
    if (text.length > MAX_TEXT) throw new YamlError(1, "the file is larger than 5 MB");
    if (text.charAt(0) === "\ufeff") text = text.slice(1);
    var lines = text.split(/\r\n|\n|\r/);
    var pos = 0;
    // document markers and directives
    var started = false;
    for (var k = 0; k < lines.length; k++) {
      var l = lines[k];
      if (/^%/.test(l) && !started) { lines[k] = ""; continue; }
      if (/^---(\s|$)/.test(l)) {
        if (started) throw new YamlError(k + 1, "the file holds more than one YAML document");
        started = true;
        lines[k] = l.slice(3);
        continue;
      }
      if (/^\.\.\.(\s|$)/.test(l)) { lines.length = k; break; }
      if (/\S/.test(l) && !/^\s*#/.test(l)) started = true;
    }

    function indentOf(line) {
      var m = /^( *)/.exec(line);
      if (line.charAt(m[1].length) === "\t") throw new YamlError(pos + 1, "a tab is used for indentation; use spaces");
      return m[1].length;
    }
    function blank(line) {
      return /^\s*(#.*)?$/.test(line);
    }
    function skipBlank() {
      while (pos < lines.length && blank(lines[pos])) pos++;
    }
    // The text of `s` up to a comment (a '#' after a space, outside quotes).
    function uncomment(s) {
      var quote = null;
      for (var i = 0; i < s.length; i++) {
        var c = s.charAt(i);
        if (quote === '"') {
          if (c === "\\") i++;
          else if (c === '"') quote = null;
        } else if (quote === "'") {
          if (c === "'") quote = null;
        } else if (c === '"' || c === "'") {
          if (i === 0 || /[\s\[{,:]/.test(s.charAt(i - 1))) quote = c;
        } else if (c === "#" && (i === 0 || /\s/.test(s.charAt(i - 1)))) {
          return s.slice(0, i);
        }
      }
      return s;
    }
    function unsupported(s, line) {
      var c = s.charAt(0);
      if (c === "&" || c === "*") throw new YamlError(line, "YAML anchors and aliases are not read here; write the values out");
      if (c === "!") throw new YamlError(line, "YAML tags are not read here; a response holds plain values only");
      if (c === "?") throw new YamlError(line, "complex YAML keys are not read here");
      if (c === "@" || c === "`" || c === "%") throw new YamlError(line, "a plain value cannot start with '" + c + "'; put it in quotes");
    }

    // A key at the start of `s`: [key, rest after ':'], or null when `s` is no "key: ..." line.
    function splitKey(s, line) {
      var key, i;
      if (s.charAt(0) === '"' || s.charAt(0) === "'") {
        var q = readQuoted(s, 0, line, true);
        if (!q) return null;
        i = q.end;
        while (s.charAt(i) === " ") i++;
        if (s.charAt(i) !== ":" || !(i + 1 === s.length || /\s/.test(s.charAt(i + 1)))) return null;
        return [q.value, s.slice(i + 1)];
      }
      if (/^[-?:,\[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s]/.test(s)) return null;
      var m = /^(.*?)\s*:(?:\s|$)/.exec(s);
      if (!m) return null;
      key = m[1];
      if (/\s#/.test(key)) return null;
      return [key, s.slice(m[0].length - (/\s$/.test(m[0]) ? 1 : 0))];
    }

    // A quoted scalar starting at s[i] on one line; null when it does not close on it.
    function readQuoted(s, i, line, oneLine) {
      var quote = s.charAt(i), out = "", j = i + 1;
      while (j < s.length) {
        var c = s.charAt(j);
        if (quote === "'" && c === "'") {
          if (s.charAt(j + 1) === "'") { out += "'"; j += 2; continue; }
          return { value: out, end: j + 1 };
        }
        if (quote === '"' && c === '"') return { value: out, end: j + 1 };
        if (quote === '"' && c === "\\") {
          var e = s.charAt(j + 1);
          if (own(ESCAPES, e)) { out += ESCAPES[e]; j += 2; continue; }
          var len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
          var hex = s.slice(j + 2, j + 2 + len);
          if (!len || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw new YamlError(line, "an unknown escape in a double-quoted value");
          out += String.fromCodePoint(parseInt(hex, 16));
          j += 2 + len;
          continue;
        }
        out += c;
        j++;
      }
      if (oneLine) return null;
      return null;
    }

    // A quoted scalar that may run over several lines, starting at lines[pos] column `col`.
    function quotedScalar(col) {
      var startLine = pos + 1;
      var text = lines[pos].slice(col);
      var first = readQuoted(text, 0, startLine, true);
      if (first) {
        var rest = uncomment(text.slice(first.end));
        if (strip(rest)) throw new YamlError(startLine, "unexpected text after a quoted value");
        pos++;
        return first.value;
      }
      // join the lines with YAML's folding: a line break is a space, an empty line a newline
      var parts = [text];
      while (true) {
        pos++;
        if (pos >= lines.length) throw new YamlError(startLine, "a quoted value is not closed");
        parts.push(lines[pos].replace(/^\s+/, ""));
        var joined = foldQuoted(parts, text.charAt(0) === '"');
        var done = readQuoted(joined, 0, startLine, true);
        if (done) {
          if (strip(uncomment(joined.slice(done.end)))) throw new YamlError(pos + 1, "unexpected text after a quoted value");
          pos++;
          return done.value;
        }
      }
    }
    function foldQuoted(parts, double) {
      var out = parts[0].replace(/[ \t]+$/, "");
      var empties = 0;
      for (var i = 1; i < parts.length; i++) {
        var p = parts[i];
        var last = i === parts.length - 1;
        if (!last) p = p.replace(/[ \t]+$/, "");
        if (p === "" && !last) { empties++; continue; }
        if (double && escapedBreak(out)) out = out.slice(0, -1);
        else out += empties ? "\n".repeat(empties) : " ";
        empties = 0;
        out += p;
      }
      return out;
    }

    function escapedBreak(s) {
      // an odd number of backslashes at the end: the line break itself is escaped
      var n = 0;
      while (n < s.length && s.charAt(s.length - 1 - n) === "\\") n++;
      return n % 2 === 1;
    }
    function blockScalar(header, parentIndent, line) {
      var m = /^([|>])([-+]?)([1-9]?)([-+]?)$/.exec(uncomment(header).trim());
      if (!m) throw new YamlError(line, "a block scalar header this form does not read");
      var folded = m[1] === ">", chomp = m[2] || m[4], explicit = m[3] ? parentIndent + Number(m[3]) : null;
      pos++;
      var body = [], indent = explicit;
      while (pos < lines.length) {
        var l = lines[pos];
        if (/^\s*$/.test(l)) { body.push(l.length > (indent || 0) ? l.slice(indent || 0) : ""); pos++; continue; }
        var ind = indentOf(l);
        if (ind <= parentIndent) break;
        if (indent === null) indent = ind;
        if (ind < indent) break;
        body.push(l.slice(indent));
        pos++;
      }
      var trailing = 0;
      while (body.length && /^\s*$/.test(body[body.length - 1])) { body.pop(); trailing++; }
      if (body.length === 0) return chomp === "+" ? "\n".repeat(trailing) : "";
      var text = folded ? foldBody(body) : body.join("\n");
      if (chomp === "-") return text;
      if (chomp === "+") return text + "\n" + "\n".repeat(trailing);
      return text + "\n";
    }
    function foldBody(body) {
      // YAML folding: lines joined by a space; an empty line keeps one newline;
      // more-indented lines keep their breaks.
      var out = "";
      var pendingBreaks = 0;
      var prevMore = false;
      for (var i = 0; i < body.length; i++) {
        var cur = body[i];
        if (cur === "") { pendingBreaks++; continue; }
        var more = /^\s/.test(cur);
        if (i > 0 && out !== "" ) {
          if (pendingBreaks) out += "\n".repeat(more || prevMore ? pendingBreaks + 1 : pendingBreaks);
          else out += more || prevMore ? "\n" : " ";
        } else if (pendingBreaks) {
          out += "\n".repeat(pendingBreaks);
        }
        pendingBreaks = 0;
        out += cur;
        prevMore = more;
      }
      return out;
    }

    function plainScalar(first, parentIndent, line) {
      // a plain value, and any more-indented lines that continue it
      var parts = [strip(uncomment(first))];
      pos++;
      var stop = /\s#/.test(first) || /^#/.test(first);
      while (!stop && pos < lines.length) {
        var l = lines[pos];
        if (/^\s*$/.test(l)) {
          var ahead = pos;
          while (ahead < lines.length && /^\s*$/.test(lines[ahead])) ahead++;
          if (ahead < lines.length && !blank(lines[ahead]) && indentOf(lines[ahead]) > parentIndent) {
            for (var b = pos; b < ahead; b++) parts.push("");
            pos = ahead;
            continue;
          }
          break;
        }
        if (blank(l)) break;
        if (indentOf(l) <= parentIndent) break;
        var t = l.trim();
        if (splitKey(t, pos + 1) || /^- |^-$/.test(t)) throw new YamlError(pos + 1, "this line is indented as if it belonged to the value above");
        parts.push(strip(uncomment(l)));
        if (/\s#/.test(l)) stop = true;
        pos++;
      }
      var text = "";
      var breaks = 0;
      parts.forEach(function (p, i) {
        if (p === "" && i > 0) { breaks++; return; }
        if (i > 0) text += breaks ? "\n".repeat(breaks) : " ";
        breaks = 0;
        text += p;
      });
      if (/:(\s|$)/.test(text)) throw new YamlError(line, "a plain value holds ': '; put the value in quotes");
      if (parts.length === 1) return resolvePlain(text);
      return text;
    }

    // --- flow collections: {a: b, c: [d, e]} ---
    function flowNode(col, line) {
      // gather text until the brackets balance
      var text = lines[pos].slice(col);
      var startLine = pos + 1;
      var depth = balance(text);
      while (depth > 0) {
        pos++;
        if (pos >= lines.length) throw new YamlError(startLine, "a '{' or '[' is not closed");
        text += " " + lines[pos].trim();
        depth = balance(text);
      }
      pos++;
      var p = { s: text, i: 0 };
      var value = flowValue(p, startLine, 0);
      skipSpace(p);
      if (strip(uncomment(p.s.slice(p.i)))) throw new YamlError(startLine, "unexpected text after a flow collection");
      return value;
    }
    function balance(s) {
      var depth = 0, quote = null;
      s = uncomment(s);
      for (var i = 0; i < s.length; i++) {
        var c = s.charAt(i);
        if (quote) {
          if (quote === '"' && c === "\\") i++;
          else if (c === quote) quote = null;
        } else if ((c === '"' || c === "'") && (i === 0 || /[\s\[{,:]/.test(s.charAt(i - 1)))) quote = c;
        else if (c === "{" || c === "[") depth++;
        else if (c === "}" || c === "]") depth--;
      }
      return depth;
    }
    function skipSpace(p) {
      while (p.i < p.s.length && /\s/.test(p.s.charAt(p.i))) p.i++;
    }
    function flowValue(p, line, depth) {
      if (depth > MAX_DEPTH) throw new YamlError(line, "the document is nested too deeply");
      skipSpace(p);
      var c = p.s.charAt(p.i);
      if (c === "{") {
        p.i++;
        var map = {};
        while (true) {
          skipSpace(p);
          if (p.s.charAt(p.i) === "}") { p.i++; return map; }
          var key = flowScalar(p, line, true);
          if (key === null || typeof key !== "string") key = String(key);
          skipSpace(p);
          var value = null;
          if (p.s.charAt(p.i) === ":") { p.i++; value = flowValue(p, line, depth + 1); }
          if (own(map, key)) throw new YamlError(line, "a key is given twice");
          put(map, key, value);
          skipSpace(p);
          if (p.s.charAt(p.i) === ",") { p.i++; continue; }
          if (p.s.charAt(p.i) === "}") { p.i++; return map; }
          throw new YamlError(line, "expected ',' or '}' in a flow mapping");
        }
      }
      if (c === "[") {
        p.i++;
        var seq = [];
        while (true) {
          skipSpace(p);
          if (p.s.charAt(p.i) === "]") { p.i++; return seq; }
          seq.push(flowValue(p, line, depth + 1));
          skipSpace(p);
          if (p.s.charAt(p.i) === ",") { p.i++; continue; }
          if (p.s.charAt(p.i) === "]") { p.i++; return seq; }
          throw new YamlError(line, "expected ',' or ']' in a flow sequence");
        }
      }
      return flowScalar(p, line, false);
    }
    function flowScalar(p, line, isKey) {
      var c = p.s.charAt(p.i);
      if (c === '"' || c === "'") {
        var q = readQuoted(p.s, p.i, line, true);
        if (!q) throw new YamlError(line, "a quoted value is not closed");
        p.i = q.end;
        return q.value;
      }
      unsupported(c, line);
      var start = p.i;
      while (p.i < p.s.length) {
        var ch = p.s.charAt(p.i);
        if (ch === "," || ch === "]" || ch === "}" || ch === "[" || ch === "{") break;
        if (ch === ":" && (p.i + 1 >= p.s.length || /[\s,\]}]/.test(p.s.charAt(p.i + 1)))) break;
        p.i++;
      }
      var t = p.s.slice(start, p.i).trim();
      return isKey ? t : resolvePlain(t);
    }

    // --- block structure ---
    function node(parentIndent, depth) {
      if (depth > MAX_DEPTH) throw new YamlError(pos + 1, "the document is nested too deeply");
      skipBlank();
      if (pos >= lines.length) return null;
      var ind = indentOf(lines[pos]);
      if (ind <= parentIndent) return null;
      return nodeAt(ind, parentIndent, depth);
    }
    function nodeAt(ind, parentIndent, depth) {
      var content = lines[pos].slice(ind);
      var line = pos + 1;
      if (/^-(\s|$)/.test(content)) return sequence(ind, depth);
      if (splitKey(content, line)) return mapping(ind, depth);
      return inline(content, ind, parentIndent, line, depth);
    }
    // A value written on the line itself (after "key:" or "- "), at column `col`.
    function inline(content, col, parentIndent, line, depth) {
      var c = content.charAt(0);
      unsupported(content, line);
      if (c === "|" || c === ">") return blockScalar(content, parentIndent, line);
      if (c === '"' || c === "'") return quotedScalar(col);
      if (c === "{" || c === "[") return flowNode(col, line);
      return plainScalar(content, parentIndent, line);
    }
    function mapping(ind, depth) {
      var map = {};
      while (true) {
        skipBlank();
        if (pos >= lines.length) break;
        var here = indentOf(lines[pos]);
        if (here < ind) break;
        if (here > ind) throw new YamlError(pos + 1, "this line is indented more than the keys above it");
        var content = lines[pos].slice(ind);
        var line = pos + 1;
        var kv = splitKey(content, line);
        if (!kv) {
          if (/^-(\s|$)/.test(content)) throw new YamlError(line, "a list item where a key was expected");
          throw new YamlError(line, "expected 'key: value'");
        }
        var key = kv[0];
        if (own(map, key)) throw new YamlError(line, "a key is given twice in one mapping");
        var rest = kv[1].replace(/^\s+/, "");
        var value;
        if (!strip(uncomment(rest))) {
          pos++;
          skipBlank();
          if (pos < lines.length && indentOf(lines[pos]) === ind && /^-(\s|$)/.test(lines[pos].slice(ind))) {
            value = sequence(ind, depth + 1);
          } else {
            value = node(ind, depth + 1);
          }
        } else {
          var col = lines[pos].length - rest.length;
          value = inline(rest, col, ind, line, depth + 1);
        }
        put(map, key, value);
      }
      return map;
    }
    function sequence(ind, depth) {
      var seq = [];
      while (true) {
        skipBlank();
        if (pos >= lines.length) break;
        var here = indentOf(lines[pos]);
        if (here < ind) break;
        var content = lines[pos].slice(ind);
        if (here > ind) throw new YamlError(pos + 1, "this line is indented more than the list items above it");
        if (!/^-(\s|$)/.test(content)) break;
        var rest = content.slice(1);
        if (!strip(uncomment(rest))) {
          pos++;
          seq.push(node(ind, depth + 1));
          continue;
        }
        // "- key: value" and "- - x": the item starts where its text does
        var lead = rest.length - rest.replace(/^\s+/, "").length;
        var col = ind + 1 + lead;
        lines[pos] = " ".repeat(col) + rest.slice(lead);
        seq.push(nodeAt(col, ind, depth + 1));
      }
      return seq;
    }

    skipBlank();
    if (pos >= lines.length) return null;
    var top = indentOf(lines[pos]);
    var value = nodeAt(top, -1, 0);
    skipBlank();
    if (pos < lines.length) throw new YamlError(pos + 1, "unexpected text after the document");
    return value;
  }

  function parseText(text) {
    // JSON first when the file looks like JSON; everything else is read as YAML
    if (/^\s*[\[{]/.test(text)) {
      try {
        return JSON.parse(text);
      } catch (e) {
        // fall through: YAML flow style also starts with '{'
      }
    }
    return parseYaml(text);
  }

  // --- writing YAML ---------------------------------------------------------------------

  var BOOLEAN_WORDS = ["y", "yes", "n", "no", "on", "off", "true", "false", "null"];
  function booleanWord(s) {
    return BOOLEAN_WORDS.some(function (w) {
      return s === w || s === w.charAt(0).toUpperCase() + w.slice(1) || s === w.toUpperCase();
    });
  }
  function printable(cp) {
    return cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 ||
      (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
  }
  function quoted(s) {
    var out = '"';
    for (var ch of s) {
      var cp = ch.codePointAt(0);
      if (ch === '"') out += '\\"';
      else if (ch === "\\") out += "\\\\";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else if (ch === "\r") out += "\\r";
      else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd";
      else if (!printable(cp) || cp === 0x85 || cp === 0x2028 || cp === 0x2029) out += "\\u" + cp.toString(16).padStart(4, "0");
      else out += ch;
    }
    return out + '"';
  }
  function yamlString(s) {
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(s) && !booleanWord(s)) return s;
    if (parseDate(s)) return s;
    return quoted(s);
  }
  function yamlScalar(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return isFinite(v) ? String(v) : (isNaN(v) ? ".nan" : (v > 0 ? ".inf" : "-.inf"));
    return yamlString(String(v));
  }
  function pad(n) {
    return " ".repeat(n);
  }
  // Any plain value as block YAML lines at `indent`, after "key:" (inline or below it).
  function emit(key, value, indent, out) {
    var head = pad(indent) + (key === null ? "-" : yamlString(key) + ":");
    if (Array.isArray(value)) {
      if (value.length === 0) { out.push(head + " []"); return; }
      if (value.every(function (v) { return !isMapping(v) && !Array.isArray(v); })) {
        out.push(head + " [" + value.map(yamlScalar).join(", ") + "]");
        return;
      }
      out.push(head);
      value.forEach(function (item) { emitItem(item, indent + 2, out); });
      return;
    }
    if (isMapping(value)) {
      if (keys(value).length === 0) { out.push(head + " {}"); return; }
      out.push(head);
      keys(value).forEach(function (k) { emit(k, value[k], indent + 2, out); });
      return;
    }
    out.push(value === null || value === undefined ? head : head + " " + yamlScalar(value));
  }
  function emitItem(item, indent, out) {
    if (isMapping(item) && keys(item).length) {
      out.push(pad(indent) + "-");
      keys(item).forEach(function (k) { emit(k, item[k], indent + 2, out); });
    } else if (Array.isArray(item) && item.length && !item.every(function (v) { return !isMapping(v) && !Array.isArray(v); })) {
      out.push(pad(indent) + "-");
      item.forEach(function (x) { emitItem(x, indent + 2, out); });
    } else {
      var tmp = [];
      emit("x", item, 0, tmp);
      out.push(pad(indent) + "- " + tmp[0].slice(3).replace(/^ /, ""));
    }
  }

  function returnYaml(resp) {
    var out = DATA.header.slice();
    out.push("", "tool:", "  id: " + yamlString(TOOL.id), "  version: " + quoted(TOOL.version),
             "  fingerprint: " + quoted(TOOL.fingerprint));
    emit("round", resp.round, 0, out);
    emit("case", resp["case"], 0, out);
    emit("agency", resp.agency, 0, out);
    emit("auditor_role", resp.auditor_role, 0, out);
    emit("completed", resp.completed, 0, out);
    var period = resp.period || { start: null, end: null };
    out.push("period:");
    emit("start", period.start, 2, out);
    emit("end", period.end, 2, out);
    if (resp.migrated_from) emit("migrated_from", resp.migrated_from, 0, out);
    out.push("", "answers:");
    var answers = resp.answers;
    var applies = {};
    walk(answers).forEach(function (s) { if (s.entry === null) put(applies, s.q.id, s.applies); });
    DATA.sections.forEach(function (section) {
      out.push("");
      section.comment.forEach(function (c) { out.push(c); });
      section.questions.forEach(function (q) {
        out.push("");
        if (!own(answers, q.id) && !applies[q.id]) {
          out.push("  # " + q.number + " " + q.id + ": does not apply to this return.");
          return;
        }
        q.comment.forEach(function (c) { out.push(c); });
        writeAnswer(q, own(answers, q.id) ? answers[q.id] : undefined, 2, out, true);
      });
    });
    if (resp.unplaced_answers && keys(resp.unplaced_answers).length) {
      out.push("", "# Answers this tool version has no place for, kept so that nothing is lost.",
               "# They are not validated or scored.");
      emit("unplaced_answers", resp.unplaced_answers, 0, out);
    }
    return out.join("\n") + "\n";
  }
  function writeAnswer(q, raw, indent, out, comments) {
    var head = pad(indent) + yamlString(q.id) + ":";
    if (raw === undefined || raw === null) { out.push(head); return; }
    if (q.type === "group") {
      var entries = entriesOf(raw);
      var full = isMapping(raw);
      var at = indent;
      if (full) {
        out.push(head);
        ["evidence", "evidence_date"].forEach(function (k) { if (own(raw, k)) emit(k, raw[k], indent + 2, out); });
        head = pad(indent + 2) + "value:";
        at = indent + 2;
      }
      if (!entries.length) { out.push(head + " []"); return; }
      out.push(head);
      entries.forEach(function (entry, i) {
        out.push(pad(at + 2) + "-");
        q.questions.forEach(function (sub) {
          if (!own(entry, sub.id)) return;
          if (i === 0 && comments && !full) sub.comment.forEach(function (c) { out.push(c); });
          writeAnswer(sub, entry[sub.id], at + 4, out, false);
        });
        if (!keys(entry).length) out[out.length - 1] += " {}";
      });
      return;
    }
    if (!isMapping(raw)) { emit(q.id, raw, indent, out); return; }
    out.push(head);
    keys(raw).forEach(function (k) { emit(k, raw[k], indent + 2, out); });
  }

  // --- the form's state, and the return made from it --------------------------------------

  // state.answers[id] = {value, evidence, evidence_date} for each top-level non-group question;
  // state.groups[id] = {none, entries: [{answers: {sub: {...}}}], evidence, evidence_date}.
  var state = blankState();
  var unplaced = {};          // answers from an opened file that the form has no place for
  var notPlacedNotes = [];    // [{key, value, why}] shown to the auditor
  var numberTrouble = {};     // element id -> true when a number field holds text that is no number
  var migratedFrom = null;

  function blankState() {
    var s = { meta: {}, answers: {}, groups: {} };
    TOP.forEach(function (q) {
      if (q.type === "group") put(s.groups, q.id, { none: false, entries: [], evidence: "", evidence_date: "" });
      else put(s.answers, q.id, blankAnswer(q));
    });
    return s;
  }
  function blankAnswer(q) {
    return { value: q.type === "multiple_choice" ? [] : null, evidence: "", evidence_date: "" };
  }
  function meta(field) {
    if (own(LOCKED, field)) return LOCKED[field];
    var v = state.meta[field];
    return v === undefined || v === "" ? null : v;
  }
  function written(q, a) {
    // an answer as the return writes it: bare, or in full with evidence; undefined when blank
    var v = a.value;
    if (q.type === "multiple_choice" && Array.isArray(v)) {
      var order = optionValues(q);
      v = v.slice().sort(function (x, y) { return order.indexOf(x) - order.indexOf(y); });
      if (!v.length) v = null;
    }
    if (v === "") v = null;
    var ev = a.evidence || "", day = a.evidence_date || "";
    if (v === null && !strip(ev) && !day) return undefined;
    if (!strip(ev) && !day) return v;
    var full = { value: v };
    if (strip(ev)) full.evidence = ev;
    if (day) full.evidence_date = day;
    return full;
  }
  function groupWritten(q, g) {
    var entries = g.entries.map(function (e) {
      var entry = {};
      q.questions.forEach(function (sub) {
        var w = written(sub, e.answers[sub.id] || blankAnswer(sub));
        if (w !== undefined) put(entry, sub.id, w);
      });
      return entry;
    });
    if (!entries.length && !g.none) return undefined;
    var ev = g.evidence || "", day = g.evidence_date || "";
    if (!strip(ev) && !day) return entries;
    var full = { value: entries };
    if (strip(ev)) full.evidence = ev;
    if (day) full.evidence_date = day;
    return full;
  }
  // Every answer in the form, whether its question applies or not.
  function allAnswers() {
    var answers = {};
    TOP.forEach(function (q) {
      var w = q.type === "group" ? groupWritten(q, state.groups[q.id]) : written(q, state.answers[q.id]);
      if (w !== undefined) put(answers, q.id, w);
    });
    return answers;
  }
  // The return: answers whose question does not apply are left out (the draft keeps them).
  function buildReturn() {
    var answers = allAnswers();
    var slots = walk(answers);
    var kept = {};
    slots.forEach(function (s) {
      if (s.entry !== null || !s.present || !s.applies) return;
      var raw = s.raw;
      if (s.q.type === "group") raw = JSON.parse(JSON.stringify(raw));
      put(kept, s.q.id, raw);
    });
    slots.forEach(function (s) {
      if (s.entry === null || !s.present || s.applies || !own(kept, s.group.id)) return;
      delete entriesOf(kept[s.group.id])[s.entry][s.q.id];
    });
    var resp = {
      tool: { id: TOOL.id, version: TOOL.version, fingerprint: TOOL.fingerprint },
      round: meta("round"),
      "case": meta("case"),
      agency: meta("agency"),
      auditor_role: meta("auditor_role"),
      completed: meta("completed"),
      period: meta("period_start") === null && meta("period_end") === null ? null
        : { start: meta("period_start"), end: meta("period_end") },
      answers: kept
    };
    if (migratedFrom) resp.migrated_from = migratedFrom;
    if (keys(unplaced).length) resp.unplaced_answers = unplaced;
    return resp;
  }
  function returnText(kind) {
    var resp = buildReturn();
    if (kind === "json") {
      var copy = JSON.parse(JSON.stringify(resp));
      if (copy.round === null) delete copy.round;
      return JSON.stringify(copy, null, 2) + "\n";
    }
    return returnYaml(resp);
  }

  // --- opening a file -----------------------------------------------------------------------

  var META_KEYS = ["tool", "round", "case", "agency", "auditor_role", "completed", "period", "answers",
                   "migrated_from", "unplaced_answers"];

  // What an opened file holds, read into a new state; or {error} when it cannot be opened.
  function readReturn(text) {
    var data;
    try {
      data = parseText(text);
    } catch (e) {
      if (e instanceof YamlError) return { error: "This file is not a response file this form can read: line " + e.line + ": " + e.message + "." };
      return { error: "This file cannot be read." };
    }
    return readData(data);
  }
  function readData(data) {
    if (!isMapping(data) || !isMapping(data.tool) || typeof data.tool.id !== "string") {
      return { error: "This file is not a response: a response starts with 'tool:' naming the tool and version it answers." };
    }
    if (data.tool.id !== TOOL.id || data.tool.version !== TOOL.version) {
      var other = data.tool.id === TOOL.id ? "version " + String(data.tool.version) + " of this tool" : "another tool (" + String(data.tool.id) + ")";
      var hint = data.tool.id === TOOL.id ? " Open it in the form for that version, or move it to this version with 'audit-tool migrate'." : "";
      return { error: "This file answers " + other + "; this form is for " + TOOL.ref + ". It was not opened." + hint };
    }
    var clash = ["round", "case", "agency"].filter(function (f) {
      return own(LOCKED, f) && data[f] !== undefined && data[f] !== null && data[f] !== LOCKED[f];
    });
    var given = isMapping(data.period) ? data.period : {};
    if (["start", "end"].some(function (k) {
      return own(LOCKED, "period_" + k) && given[k] !== undefined && given[k] !== null && String(given[k]) !== LOCKED["period_" + k];
    })) clash.push("audit period");
    if (clash.length) {
      return { error: "This file is the return for another " + clash.join(" and ") + " than this form is for. It was not opened." };
    }
    var s = blankState();
    var notes = [];
    var kept = {};
    ["round", "case", "agency", "auditor_role", "completed"].forEach(function (f) {
      if (data[f] !== undefined && data[f] !== null && !own(LOCKED, f)) s.meta[f] = String(data[f]);
    });
    if (isMapping(data.period)) {
      if (!own(LOCKED, "period_start") && data.period.start) s.meta.period_start = String(data.period.start);
      if (!own(LOCKED, "period_end") && data.period.end) s.meta.period_end = String(data.period.end);
    }
    keys(data).forEach(function (k) {
      if (META_KEYS.indexOf(k) < 0) notes.push({ key: k, value: data[k], why: "is not part of a response; it will not be saved" });
    });
    var answers = isMapping(data.answers) ? data.answers : {};
    function keep(key, raw, why) {
      put(kept, key, isMapping(raw) ? raw : { value: raw });
      notes.push({ key: key, value: raw, why: why });
    }
    keys(answers).forEach(function (key) {
      var raw = answers[key];
      if (!isTop(key)) { keep(key, raw, "is no question of " + TOOL.ref); return; }
      var q = BY_ID[key];
      if (q.type === "group") {
        var v = valueOf(raw);
        if (v !== null && !Array.isArray(v)) { keep(key, raw, "is not a list of " + q.entryLabel + "s"); return; }
        var g = s.groups[key];
        g.none = Array.isArray(v) && v.length === 0;
        if (isMapping(raw)) { g.evidence = typeof raw.evidence === "string" ? raw.evidence : ""; g.evidence_date = parseDate(raw.evidence_date) || ""; }
        (v || []).forEach(function (entry, i) {
          var e = { answers: {} };
          q.questions.forEach(function (sub) { put(e.answers, sub.id, blankAnswer(sub)); });
          if (!isMapping(entry)) { keep(key + "/" + i, entry, "is not a " + q.entryLabel + " (a set of answers)"); return; }
          keys(entry).forEach(function (subKey) {
            var sub = q.questions.filter(function (x) { return x.id === subKey; })[0];
            var where = key + "/" + i + "/" + subKey;
            if (!sub) { keep(where, entry[subKey], "is no question of a " + q.entryLabel); return; }
            var a = readAnswer(sub, entry[subKey]);
            if (a.trouble) keep(where, entry[subKey], a.trouble);
            else put(e.answers, subKey, a.answer);
          });
          g.entries.push(e);
        });
        return;
      }
      var read = readAnswer(q, raw);
      if (read.trouble) keep(key, raw, read.trouble);
      else put(s.answers, key, read.answer);
    });
    if (isMapping(data.unplaced_answers)) {
      keys(data.unplaced_answers).forEach(function (k) {
        if (!own(kept, k)) keep(k, data.unplaced_answers[k], "was kept in the file's unplaced answers");
      });
    }
    return { state: s, unplaced: kept, notes: notes, migrated: Array.isArray(data.migrated_from) ? data.migrated_from : null };
  }
  // One answer from a file into the form: {answer} or {trouble} when no field can show it.
  function readAnswer(q, raw) {
    var v = valueOf(raw);
    var a = blankAnswer(q);
    if (isMapping(raw)) {
      if (raw.evidence !== undefined && raw.evidence !== null && typeof raw.evidence !== "string") return { trouble: "has evidence that is not text" };
      a.evidence = raw.evidence || "";
      if (raw.evidence_date !== undefined && raw.evidence_date !== null) {
        if (!parseDate(raw.evidence_date)) return { trouble: "has an evidence date that is not a date (YYYY-MM-DD)" };
        a.evidence_date = raw.evidence_date;
      }
    }
    if (v === null || v === "" || (Array.isArray(v) && !v.length)) return { answer: a };
    if (!typeFits(q, v)) return { trouble: "is not the kind of answer the question takes (" + q.answer + ")" };
    if (q.type === "single_choice" && optionValues(q).indexOf(v) < 0) return { trouble: "is not one of the question's options" };
    if (q.type === "multiple_choice") {
      var bad = v.filter(function (x) { return optionValues(q).indexOf(x) < 0; });
      if (bad.length) return { trouble: "holds a choice that is not one of the question's options" };
      v = v.filter(function (x, i) { return v.indexOf(x) === i; });
    }
    a.value = v;
    return { answer: a };
  }

  // --- the page -------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "className") node.className = v;
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function paragraphs(text, className) {
    return String(text).split(/\n\s*\n/).filter(function (p) { return strip(p); }).map(function (p) {
      return el("p", { className: className, text: p.split(/\s+/).join(" ").trim() });
    });
  }
  var ui = {};          // id -> {root, inputs, ...} for each question place
  var app = document.getElementById("app");

  function uid(q, entry) {
    return entry === null || entry === undefined ? "q-" + q.id : "q-" + entry.group + "-" + entry.index + "-" + q.id;
  }

  function build() {
    app.textContent = "";
    var header = el("header", { className: "masthead" }, [
      el("p", { className: "kicker", text: "Return for " + TOOL.ref + " \u00b7 " + TOOL.theme }),
      el("h1", { text: TOOL.title })
    ]);
    app.appendChild(header);
    paragraphs(TOOL.description, "intro").forEach(function (p) { header.appendChild(p); });
    header.appendChild(el("p", { className: "intro", text:
      "One return per case and per agency, completed by the agency's lead auditor from the agency's own records for the audit period. " +
      "Never write a child's or a family member's name: use the case reference, initials or roles. " +
      "Your answers are kept in this browser as you type; \u201cSave return\u201d writes the file to send back." }));

    app.appendChild(toolbar());
    app.appendChild(el("div", { id: "notices", className: "notices", role: "status", "aria-live": "polite" }));
    app.appendChild(el("div", { id: "unplaced", className: "unplaced", hidden: true }));
    var layout = el("div", { className: "layout" });
    var main = el("main", { id: "questions" });
    main.appendChild(metaSection());
    DATA.sections.forEach(function (section) { main.appendChild(sectionBlock(section)); });
    layout.appendChild(main);
    layout.appendChild(missingPanel());
    app.appendChild(layout);
  }

  function toolbar() {
    var open = el("input", { type: "file", id: "open-file", accept: ".yaml,.yml,.json,application/json,text/yaml" });
    open.addEventListener("change", function () {
      var file = open.files && open.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () { openText(String(reader.result)); open.value = ""; };
      reader.onerror = function () { notice("error", "The file could not be read."); };
      reader.readAsText(file);
    });
    var saveYaml = el("button", { type: "button", id: "save-yaml", text: "Save return (YAML)" });
    saveYaml.addEventListener("click", function () { save("yaml"); });
    var saveJson = el("button", { type: "button", id: "save-json", className: "secondary", text: "Save as JSON" });
    saveJson.addEventListener("click", function () { save("json"); });
    var print = el("button", { type: "button", id: "print", className: "secondary", text: "Print" });
    print.addEventListener("click", function () { window.print(); });
    return el("div", { className: "toolbar", role: "toolbar", "aria-label": "Return file" }, [
      saveYaml, saveJson,
      el("label", { className: "file-label", "for": "open-file" }, ["Open a saved return: "]), open,
      print,
      el("a", { id: "missing-count", className: "missing-count", href: "#missing" }),
      el("span", { id: "draft-status", className: "draft-status", "aria-live": "polite" })
    ]);
  }

  var META_FIELDS = [
    ["case", "Case reference", "text", "The pseudonymised reference you were given, for example C1; never a name."],
    ["agency", "Agency", "text", "Your agency's id in lower_snake_case, for example police."],
    ["auditor_role", "Auditor's role", "text", "Your role, never your name, for example Safeguarding lead."],
    ["round", "Audit round", "text", "The audit round, for example 2017-05-neglect."],
    ["period_start", "Audit period: first day", "date", "The first day audited."],
    ["period_end", "Audit period: last day", "date", "The last day audited."],
    ["completed", "Date completed", "date", "The date you completed this return."]
  ];

  function metaSection() {
    var fs = el("fieldset", { className: "meta", id: "meta" }, [el("legend", { text: "About this return" })]);
    var grid = el("div", { className: "meta-grid" });
    META_FIELDS.forEach(function (f) {
      var id = "meta-" + f[0];
      var locked = own(LOCKED, f[0]);
      var input = el("input", { id: id, name: f[0], type: f[2], "aria-describedby": id + "-hint",
                                readonly: locked, autocomplete: "off" });
      input.value = locked ? LOCKED[f[0]] : (state.meta[f[0]] || "");
      if (!locked) {
        input.addEventListener("input", function () { state.meta[f[0]] = input.value; changed(); });
      }
      var hint = f[3] + (locked ? " Filled in by the audit lead." : "");
      grid.appendChild(el("div", { className: "field" + (locked ? " locked" : ""), id: id + "-field" }, [
        el("label", { "for": id, text: f[1] }), input, el("p", { className: "hint", id: id + "-hint", text: hint })
      ]));
    });
    fs.appendChild(grid);
    return fs;
  }

  function sectionBlock(section) {
    var s = el("section", { className: "section", id: "s-" + section.id, "aria-labelledby": "s-" + section.id + "-title" });
    s.appendChild(el("div", { className: "section-head" }, [
      el("h2", { id: "s-" + section.id + "-title", text: section.number + ". " + section.title }),
      el("p", { className: "progress", id: "s-" + section.id + "-progress" })
    ]));
    paragraphs(section.description, "section-intro").forEach(function (p) { s.appendChild(p); });
    section.questions.forEach(function (q) { s.appendChild(question(q, null)); });
    return s;
  }

  // One question's block. `entry` is {group, index} for a sub-question in a group's entry.
  function question(q, entry) {
    var id = uid(q, entry);
    var answer = entry ? state.groups[entry.group].entries[entry.index].answers[q.id] : state.answers[q.id];
    var fs = el("fieldset", { className: "question q-" + q.type, id: id, "aria-describedby": id + "-about" });
    var legend = el("legend", {}, [el("span", { className: "num", text: q.number }), " ", q.text,
      q.required ? null : el("span", { className: "optional", text: " (optional)" })]);
    fs.appendChild(legend);
    var about = el("div", { className: "about", id: id + "-about" });
    if (q.condition) about.appendChild(el("p", { className: "condition", text: q.condition }));
    paragraphs(q.guidance, "guidance").forEach(function (p) { about.appendChild(p); });
    about.appendChild(el("p", { className: "na-note", id: id + "-na", hidden: true,
      text: "Does not apply to this return, from the answers above. Anything written here is kept in your draft but left out of the saved return." }));
    fs.appendChild(about);
    var record = { q: q, root: fs, entry: entry, inputs: [] };
    ui[id] = record;
    if (q.type === "group") {
      groupBody(q, fs, record);
    } else {
      answerInput(q, answer, id, fs, record);
      evidenceBox(q, answer, id, fs, record);
    }
    return fs;
  }

  function answerInput(q, answer, id, fs, record) {
    var box = el("div", { className: "answer" });
    fs.appendChild(box);
    if (q.type === "single_choice" || q.type === "multiple_choice") {
      var multiple = q.type === "multiple_choice";
      if (multiple) box.appendChild(el("p", { className: "hint", text: "Tick all that apply (" + q.answer + ")." }));
      var list = el("div", { className: "options" });
      q.options.forEach(function (o, i) {
        var oid = id + "-o" + i;
        var input = el("input", { type: multiple ? "checkbox" : "radio", id: oid, name: id, value: o.value });
        input.checked = multiple ? answer.value.indexOf(o.value) >= 0 : answer.value === o.value;
        input.addEventListener("change", function () {
          if (multiple) {
            var chosen = answer.value.slice();
            if (input.checked) {
              if (o.exclusive) chosen = [];
              else chosen = chosen.filter(function (v) { var x = option(q, v); return !(x && x.exclusive); });
              if (chosen.indexOf(o.value) < 0) chosen.push(o.value);
            } else {
              chosen = chosen.filter(function (v) { return v !== o.value; });
            }
            answer.value = chosen;
            record.inputs.forEach(function (x) { if (x.type === "checkbox") x.checked = chosen.indexOf(x.value) >= 0; });
          } else {
            answer.value = o.value;
          }
          changed();
        });
        record.inputs.push(input);
        var words = [o.label];
        if (o.score) words.push(el("span", { className: "score", text: " (" + o.score + ")" }));
        if (o.exclusive) words.push(el("span", { className: "alone", text: " (on its own only)" }));
        list.appendChild(el("div", { className: "option" }, [input, " ", el("label", { "for": oid }, words),
          o.description ? el("p", { className: "hint", text: o.description }) : null]));
      });
      box.appendChild(list);
      var clear = el("button", { type: "button", className: "link clear", text: "Clear answer" });
      clear.addEventListener("click", function () {
        answer.value = multiple ? [] : null;
        record.inputs.forEach(function (x) { if (x.type === "radio" || x.type === "checkbox") x.checked = false; });
        changed();
      });
      record.clear = clear;
      box.appendChild(clear);
      return;
    }
    var input;
    var aid = id + "-answer";
    box.appendChild(el("label", { "for": aid, className: "answer-label", text: "Answer: " + q.answer }));
    if (q.type === "text") {
      input = el("textarea", { id: aid, rows: 4 });
      input.value = answer.value || "";
      var count = el("p", { className: "hint count", id: aid + "-count", "aria-live": "polite" });
      input.addEventListener("input", function () { answer.value = input.value; changed(); });
      box.appendChild(input);
      box.appendChild(count);
      record.count = count;
    } else if (q.type === "date") {
      input = el("input", { type: "date", id: aid });
      input.value = answer.value || "";
      input.addEventListener("input", function () { answer.value = input.value || null; changed(); });
      box.appendChild(input);
    } else {
      input = el("input", { type: "number", id: aid, inputmode: q.integer ? "numeric" : "decimal",
                            min: q.minimum, max: q.maximum, step: q.integer ? 1 : "any" });
      input.value = answer.value === null || answer.value === undefined ? "" : String(answer.value);
      input.addEventListener("input", function () {
        var bad = input.validity && input.validity.badInput;
        if (bad) numberTrouble[aid] = true; else delete numberTrouble[aid];
        answer.value = input.value === "" || bad ? null : Number(input.value);
        changed();
      });
      box.appendChild(input);
      if (q.unit) box.appendChild(el("span", { className: "unit", text: " " + q.unit }));
    }
    record.inputs.push(input);
  }

  function evidenceBox(q, answer, id, fs, record) {
    var wrap;
    var eid = id + "-evidence", did = id + "-evidence-date";
    var text = el("textarea", { id: eid, rows: 3, "aria-describedby": id + "-evidence-rule" });
    text.value = answer.evidence || "";
    text.addEventListener("input", function () { answer.evidence = text.value; changed(); });
    var day = el("input", { type: "date", id: did });
    day.value = answer.evidence_date || "";
    day.addEventListener("input", function () { answer.evidence_date = day.value; changed(); });
    var inner = [
      el("p", { className: "rule", id: id + "-evidence-rule", text: q.evidenceText || "Evidence is optional for this question." }),
      el("label", { "for": eid }, ["Evidence from your records ", el("span", { className: "needed", id: id + "-needed", hidden: true, text: "needed" })]),
      text,
      el("label", { "for": did, text: "Date of the record the evidence comes from (optional)" }),
      day
    ];
    if (q.evidence) {
      wrap = el("div", { className: "evidence", id: id + "-evidence-box" }, inner);
    } else {
      wrap = el("details", { className: "evidence optional", id: id + "-evidence-box" }, [el("summary", { text: "Add evidence (optional)" })].concat(inner));
      if (answer.evidence || answer.evidence_date) wrap.open = true;
    }
    record.evidence = text;
    record.evidenceDate = day;
    record.inputs.push(text, day);
    fs.appendChild(wrap);
  }

  function groupBody(q, fs, record) {
    var g = state.groups[q.id];
    var list = el("div", { className: "entries", id: uid(q) + "-entries" });
    var none = el("input", { type: "checkbox", id: uid(q) + "-none" });
    none.checked = g.none;
    none.addEventListener("change", function () { g.none = none.checked; changed(); });
    var noneRow = el("div", { className: "none-row option", id: uid(q) + "-none-row" }, [none, " ",
      el("label", { "for": uid(q) + "-none", text: "There is no " + q.entryLabel + " to record" })]);
    var add = el("button", { type: "button", id: uid(q) + "-add", text: "Add a " + q.entryLabel });
    add.addEventListener("click", function () {
      var e = { answers: {} };
      q.questions.forEach(function (sub) { put(e.answers, sub.id, blankAnswer(sub)); });
      g.entries.push(e);
      g.none = false;
      renderEntries(q);
      changed();
      var first = document.getElementById(uid(q) + "-e" + (g.entries.length - 1));
      var target = first && first.querySelector("input, textarea, select");
      if (target) target.focus();
    });
    fs.appendChild(el("p", { className: "hint", text: q.answer.charAt(0).toUpperCase() + q.answer.slice(1) + "." }));
    fs.appendChild(list);
    fs.appendChild(noneRow);
    fs.appendChild(add);
    record.list = list;
    record.none = none;
    record.noneRow = noneRow;
    record.add = add;
    record.inputs.push(none, add);
    if (q.evidence) evidenceBox(q, g, uid(q), fs, record);
    renderEntries(q);
  }

  function renderEntries(q) {
    var record = ui[uid(q)];
    var g = state.groups[q.id];
    keys(ui).forEach(function (k) { if (k.indexOf(uid(q) + "-") === 0 && ui[k].entry) delete ui[k]; });
    record.list.textContent = "";
    g.entries.forEach(function (e, i) {
      var label = q.entryLabel.charAt(0).toUpperCase() + q.entryLabel.slice(1) + " " + (i + 1);
      var box = el("fieldset", { className: "entry", id: uid(q) + "-e" + i }, [el("legend", { text: label })]);
      q.questions.forEach(function (sub) { box.appendChild(question(sub, { group: q.id, index: i })); });
      var tools = el("div", { className: "entry-tools" });
      [["Move up", -1], ["Move down", 1]].forEach(function (m) {
        var b = el("button", { type: "button", className: "secondary", text: m[0] + " (" + label + ")", disabled: i + m[1] < 0 || i + m[1] >= g.entries.length });
        b.addEventListener("click", function () {
          var j = i + m[1];
          var moved = g.entries.splice(i, 1)[0];
          g.entries.splice(j, 0, moved);
          renderEntries(q);
          changed();
          var again = document.getElementById(uid(q) + "-e" + j);
          var btn = again && again.querySelectorAll(".entry-tools button")[m[1] < 0 ? 0 : 1];
          if (btn && !btn.disabled) btn.focus(); else if (again) again.querySelector("button").focus();
        });
        tools.appendChild(b);
      });
      var remove = el("button", { type: "button", className: "danger", text: "Remove " + label.toLowerCase() });
      remove.addEventListener("click", function () {
        g.entries.splice(i, 1);
        renderEntries(q);
        changed();
        notice("info", label + " was removed.");
        var next = document.getElementById(uid(q) + "-e" + Math.min(i, g.entries.length - 1));
        (next ? next.querySelector("input, textarea") : record.add).focus();
      });
      tools.appendChild(remove);
      box.appendChild(tools);
      record.list.appendChild(box);
    });
    record.noneRow.hidden = g.entries.length > 0 || q.minEntries > 0;
    keys(numberTrouble).forEach(function (k) { if (k.indexOf(uid(q) + "-") === 0) delete numberTrouble[k]; });
    if (q.maxEntries !== null && q.maxEntries !== undefined) record.add.disabled = g.entries.length >= q.maxEntries;
  }

  function missingPanel() {
    return el("aside", { className: "missing", id: "missing", "aria-labelledby": "missing-title" }, [
      el("h2", { id: "missing-title", text: "Still missing" }),
      el("p", { className: "progress", id: "overall-progress" }),
      el("ol", { id: "missing-list" })
    ]);
  }

  // --- keeping the page in step with the answers ------------------------------------------

  function placeOf(pointer) {
    // the element of the question or field a problem points at
    var parts = pointer.split("/").slice(1).map(function (p) { return p.replace(/~1/g, "/").replace(/~0/g, "~"); });
    if (parts[0] === "answers" && parts.length >= 2) {
      var q = own(BY_ID, parts[1]) ? BY_ID[parts[1]] : null;
      if (!q) return null;
      if (q.type === "group") {
        var rest = parts.slice(2);
        if (rest[0] === "value") rest = rest.slice(1);
        if (rest.length >= 2 && /^[0-9]+$/.test(rest[0]) && own(BY_ID, rest[1])) {
          return { id: "q-" + q.id + "-" + rest[0] + "-" + rest[1], q: BY_ID[rest[1]], entry: Number(rest[0]), group: q };
        }
      }
      return { id: "q-" + q.id, q: q };
    }
    var field = parts[0] === "period" ? "period_" + (parts[1] || "start") : parts[0];
    return { id: "meta-" + field + "-field", field: field };
  }
  var FIELD_NAMES = {};
  META_FIELDS.forEach(function (f) { FIELD_NAMES[f[0]] = f[1]; });

  function problems(resp) {
    var found = check(resp).filter(function (p) { return p.code !== "unexpected-answer"; });
    keys(numberTrouble).forEach(function (aid) {
      found.push({ code: "answer-wrong-type", pointer: null, element: aid.replace(/-answer$/, ""), what: "holds text that is not a number" });
    });
    return found;
  }

  function refresh() {
    var resp = buildReturn();
    var slots = walk(allAnswers());
    var applies = {};
    slots.forEach(function (s) {
      var id = s.entry === null ? "q-" + s.q.id : "q-" + s.group.id + "-" + s.entry + "-" + s.q.id;
      applies[id] = s.applies;
    });
    var found = problems(resp);
    var flagged = {};
    found.forEach(function (p) {
      var place = p.pointer !== null ? placeOf(p.pointer) : { id: p.element };
      if (place) (flagged[place.id] = flagged[place.id] || []).push(p);
    });
    keys(ui).forEach(function (id) {
      var r = ui[id];
      var on = own(applies, id) ? applies[id] : true;
      r.root.classList.toggle("not-applying", !on);
      var na = document.getElementById(id + "-na");
      if (na) na.hidden = on;
      r.inputs.forEach(function (x) {
        if (x === r.add && !on) x.disabled = true;
        else if (x === r.add) x.disabled = r.q.maxEntries !== null && r.q.maxEntries !== undefined && state.groups[r.q.id].entries.length >= r.q.maxEntries;
        else x.disabled = !on;
      });
      if (r.clear) r.clear.disabled = !on;
      if (r.list) r.list.querySelectorAll("button").forEach(function (b) { if (!on) b.disabled = true; });
      var a = answerOf(r);
      if (r.q.type === "multiple_choice" && r.q.maxSelected && on) {
        var full = a.value.length >= r.q.maxSelected;
        r.inputs.forEach(function (x) { if (x.type === "checkbox" && !x.checked) x.disabled = full; });
      }
      if (r.count) {
        var n = codePoints(a.value || "");
        r.count.textContent = n + (r.q.maxLength ? " of " + r.q.maxLength : "") + " characters";
        r.count.classList.toggle("over", !!r.q.maxLength && n > r.q.maxLength);
      }
      var needed = document.getElementById(id + "-needed");
      if (needed) {
        var v = r.q.type === "group" ? groupWritten(r.q, state.groups[r.q.id]) : a.value;
        var calledFor = on && isGiven(r.q, v === undefined ? null : v) && requiresEvidence(r.q, v);
        var ev = r.q.type === "group" && !r.entry ? state.groups[r.q.id].evidence : a.evidence;
        needed.hidden = !(calledFor && !strip(ev || ""));
        r.root.classList.toggle("evidence-needed", calledFor);
      }
      var mine = on ? flagged[id] || [] : [];
      r.root.classList.toggle("has-problem", mine.length > 0);
      r.root.setAttribute("aria-invalid", mine.length > 0 ? "true" : "false");
    });
    META_FIELDS.forEach(function (f) {
      var box = document.getElementById("meta-" + f[0] + "-field");
      box.classList.toggle("has-problem", !!flagged["meta-" + f[0] + "-field"]);
    });
    progress(slots);
    missingList(found);
    saveDraft();
  }
  function answerOf(r) {
    if (r.entry) return state.groups[r.entry.group].entries[r.entry.index].answers[r.q.id];
    if (r.q.type === "group") return { value: state.groups[r.q.id].entries };
    return state.answers[r.q.id];
  }

  function progress(slots) {
    var total = { needed: 0, done: 0 };
    DATA.sections.forEach(function (section) {
      var n = { needed: 0, done: 0 };
      slots.forEach(function (s) {
        if (SECTION_OF[s.q.id] !== section || !s.applies || !s.groupApplies) return;
        var given = s.present && isGiven(s.q, valueOf(s.raw));
        if (!s.q.required && !given) return;
        n.needed++;
        if (given && !(requiresEvidence(s.q, valueOf(s.raw)) && !strip(evidenceOf(s.raw)))) n.done++;
      });
      total.needed += n.needed;
      total.done += n.done;
      var p = document.getElementById("s-" + section.id + "-progress");
      p.textContent = n.needed ? n.done + " of " + n.needed + " answered" : "nothing needed";
      p.classList.toggle("complete", n.done === n.needed);
    });
    var o = document.getElementById("overall-progress");
    o.textContent = total.done + " of " + total.needed + " questions answered.";
  }

  function missingList(found) {
    var list = document.getElementById("missing-list");
    list.textContent = "";
    var count = document.getElementById("missing-count");
    count.textContent = found.length ? "Still missing: " + found.length : "Complete";
    count.classList.toggle("done", found.length === 0);
    var panel = document.getElementById("missing");
    panel.classList.toggle("done", found.length === 0);
    if (!found.length) {
      list.appendChild(el("li", { className: "none", text: "Nothing: the return is complete. Save it and send the file as you were asked." }));
      return;
    }
    found.forEach(function (p) {
      var place = p.pointer !== null ? placeOf(p.pointer) : { id: p.element, q: ui[p.element] && ui[p.element].q };
      var name;
      if (place && place.q) {
        name = place.q.number + (place.group ? " (" + place.group.entryLabel + " " + (place.entry + 1) + ")" : "") + " " + short(place.q.text);
      } else if (place && place.field) {
        name = FIELD_NAMES[place.field] || place.field;
      } else {
        name = "The return";
      }
      var link = el("a", { href: "#" + (place ? place.id : "questions"), "data-code": p.code, text: name + ": " + p.what });
      link.addEventListener("click", function (ev) {
        var target = place && document.getElementById(place.id);
        if (!target) return;
        ev.preventDefault();
        target.scrollIntoView({ block: "center" });
        var focusable = target.querySelector("input:not([disabled]):not([readonly]), textarea:not([disabled]), button:not([disabled])");
        if (focusable) focusable.focus();
      });
      list.appendChild(el("li", { "data-code": p.code, "data-pointer": p.pointer || "" }, [link]));
    });
  }
  function short(text) {
    var t = String(text).split(/\s+/).join(" ").trim();
    return t.length > 70 ? t.slice(0, 67).replace(/\s+\S*$/, "") + "\u2026" : t;
  }

  // --- notices, the unplaced answers, the draft -------------------------------------------------

  function notice(kind, text, actions) {
    var box = document.getElementById("notices");
    var item = el("div", { className: "notice " + kind, role: kind === "error" ? "alert" : null }, [el("p", { text: text })]);
    (actions || []).forEach(function (a) {
      var b = el("button", { type: "button", className: a[2] || "", text: a[0] });
      b.addEventListener("click", function () { item.remove(); a[1](); });
      item.appendChild(b);
    });
    if (!actions || !actions.length) {
      var close = el("button", { type: "button", className: "link", text: "Dismiss" });
      close.addEventListener("click", function () { item.remove(); });
      item.appendChild(close);
    }
    box.appendChild(item);
    return item;
  }

  function showUnplaced() {
    var box = document.getElementById("unplaced");
    box.textContent = "";
    box.hidden = notPlacedNotes.length === 0;
    if (!notPlacedNotes.length) return;
    box.appendChild(el("h2", { text: "Answers from the opened file that this form has no place for" }));
    box.appendChild(el("p", { text: "They are shown here so that nothing is lost. Answers are saved with the return under \u2018unplaced_answers\u2019 (not validated or scored); copy anything you need into the right question." }));
    var list = el("dl");
    notPlacedNotes.forEach(function (n) {
      list.appendChild(el("dt", { text: n.key + " \u2014 " + n.why }));
      list.appendChild(el("dd", {}, [el("pre", { text: JSON.stringify(n.value, null, 2) })]));
    });
    box.appendChild(list);
  }

  function hasContent() {
    var resp = allAnswers();
    return keys(resp).length > 0 || ["auditor_role", "completed", "case", "agency", "round", "period_start", "period_end"].some(function (f) {
      return !own(LOCKED, f) && state.meta[f];
    });
  }

  function apply(read) {
    state = read.state;
    unplaced = read.unplaced;
    notPlacedNotes = read.notes;
    migratedFrom = read.migrated;
    numberTrouble = {};
    ui = {};
    build();
    showUnplaced();
    refresh();
  }

  function openText(text) {
    var read = readReturn(text);
    if (read.error) {
      notice("error", read.error + " Your draft is unchanged.");
      return { opened: false, error: read.error };
    }
    var go = function () {
      apply(read);
      var n = read.notes.length;
      notice("info", "The return was opened." + (n ? " " + n + " item" + (n === 1 ? "" : "s") + " could not be placed in the form: see the list at the top." : ""));
    };
    if (hasContent()) {
      notice("warning", "Opening this file replaces the answers you have in this form now (your draft).", [
        ["Replace my draft with the file", go, "danger"], ["Keep my draft", function () { notice("info", "The file was not opened; your draft is unchanged."); }, "secondary"]
      ]);
      return { opened: false, asked: true };
    }
    go();
    return { opened: true };
  }

  var storage = null;
  try { storage = window.localStorage; } catch (e) { storage = null; }
  function saveDraft() {
    if (!storage) return;
    try {
      storage.setItem(DATA.storageKey, JSON.stringify({ saved: new Date().toISOString(), fingerprint: TOOL.fingerprint, state: state, unplaced: unplaced,
                                                         notes: notPlacedNotes, migrated: migratedFrom }));
      document.getElementById("draft-status").textContent = "Draft kept in this browser.";
    } catch (e) {
      document.getElementById("draft-status").textContent = "This browser cannot keep a draft: save the return now and then.";
    }
  }
  function loadDraft() {
    if (!storage) return false;
    var text = null;
    try { text = storage.getItem(DATA.storageKey); } catch (e) { return false; }
    if (!text) return false;
    try {
      var d = JSON.parse(text);
      var fresh = blankState();
      // keep only what still fits this tool's questions
      keys(d.state.meta || {}).forEach(function (k) { if (typeof d.state.meta[k] === "string") fresh.meta[k] = d.state.meta[k]; });
      keys(fresh.answers).forEach(function (k) { if (own(d.state.answers, k)) put(fresh.answers, k, d.state.answers[k]); });
      keys(fresh.groups).forEach(function (k) { if (own(d.state.groups, k)) put(fresh.groups, k, d.state.groups[k]); });
      state = fresh;
      unplaced = d.unplaced || {};
      notPlacedNotes = d.notes || [];
      migratedFrom = d.migrated || null;
      if (d.fingerprint !== TOOL.fingerprint) {
        // the tool's copy changed since the draft: read the draft as a file, so that an answer
        // that no longer fits is listed among those with no place, not lost or kept wrongly
        var read = readData({ tool: { id: TOOL.id, version: TOOL.version }, round: meta("round"), "case": meta("case"),
                              agency: meta("agency"), auditor_role: meta("auditor_role"), completed: meta("completed"),
                              period: { start: meta("period_start"), end: meta("period_end") },
                              answers: allAnswers(), unplaced_answers: unplaced });
        if (read.error) throw new Error(read.error);
        state = read.state;
        unplaced = read.unplaced;
        notPlacedNotes = read.notes;
      }
      return d.saved || true;
    } catch (e) {
      // keep the draft this form cannot read, rather than overwrite it with a blank one
      try { storage.setItem(DATA.storageKey + ":unreadable", text); } catch (e2) { /* nothing more to do */ }
      state = blankState();
      unplaced = {};
      notPlacedNotes = [];
      migratedFrom = null;
      draftTrouble = true;
      return false;
    }
  }
  var draftTrouble = false;

  function save(kind) {
    var text = returnText(kind);
    var name = [meta("case") || "case", meta("agency") || "agency"].join("-") + (kind === "json" ? ".json" : ".yaml");
    var blob = new Blob([text], { type: kind === "json" ? "application/json" : "text/yaml" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    var left = problems(buildReturn()).length;
    notice(left ? "warning" : "info", "Saved " + name + "." + (left ? " It is not complete yet: " + left + " item" + (left === 1 ? " is" : "s are") + " still missing." : ""));
    return text;
  }

  function changed() {
    refresh();
  }

  // --- start ------------------------------------------------------------------------------------

  var restored = loadDraft();
  build();
  showUnplaced();
  refresh();
  if (draftTrouble) notice("warning", "A draft kept in this browser could not be read into this form; it is kept aside, unchanged, under the key \u2018" + DATA.storageKey + ":unreadable\u2019.");
  if (restored) notice("info", "Your draft was restored from this browser" + (typeof restored === "string" ? " (kept " + restored.slice(0, 16).replace("T", " ") + " UTC)" : "") + ".");

  // For the tests and for anyone curious: the checker, the YAML reader and the return as text.
  window.auditForm = Object.freeze({
    check: check,
    parseYaml: function (text) {
      try { return { value: parseYaml(text) }; } catch (e) {
        if (e instanceof YamlError) return { error: e.message, line: e.line };
        throw e;
      }
    },
    returnText: returnText,
    returnObject: buildReturn,
    openText: openText,
    hasContent: hasContent,
    save: save
  });
})();
