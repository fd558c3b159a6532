// The search page (overrides/search.html): the query (?q=, or typed) runs through Pagefind's JS API, with rules of
// the site's own on top of Pagefind's ranking:
// - Synonyms: a query that is a term of a group in assets/search-synonyms.json (generator/search_synonyms.csv)
//   searches the group's terms in this edition's language (光伏 finds 太阳能; solar finds PV), and the page says so.
// - A page is listed only if its text holds the query as written. Pagefind matches the start of words, and the
//   browser cuts a Chinese query into single characters (光伏 into 光 and 伏), so its results include pages that
//   only have 光盘 or "so"; here a Chinese term must stand whole in the text, and an English word must be a whole
//   word (an -s or -es may follow). Each word of a query must match; each term of a synonym group is an
//   alternative.
// - Order: the pages Pagefind finds for the group's first term (the site's own word), then for its other terms,
//   then for the terms' single Chinese characters (pages Pagefind's own cutting missed); within each, Pagefind's
//   score (titles weighing more than by default: RANKING, measured on tests/search_queries.csv) times the weight
//   of the page's kind, which every page carries as the filter "weight" (generator/pages/catalogue.py): a plan
//   before an indicator or a responsible body, those before the comparisons, and the lists, the changelog and the
//   original texts, which name every district and year many times, last. Among the pages listed at once, those
//   whose title is a term come first, then those whose title begins with one, then those whose title holds one.
// - Pages are checked a few at a time, so a search downloads only the pages it lists (and a few more).
// - A year written against Chinese (蓟州区2030) is a word of its own, as in "Jizhou 2030".
// - Where the English edition finds nothing, the page offers the same search on the Chinese edition, which holds
//   the original texts (hydrogen: 氢能, 制氢 are only there).
// Pagefind picks the index of the page's language from <html lang>. Every label comes from the page.
(function () {
  "use strict";

  var root = document.querySelector(".search-page"); // not #search: the English h1 "Search" has that id
  if (!root) {
    return;
  }
  var SYNONYMS_URL = new URL("search-synonyms.json", document.currentScript.src).href;
  var SHOWN_AT_ONCE = 10; // results listed before "more"
  var LOADED_AT_ONCE = 5; // pages whose text is fetched in parallel
  var SUB_RESULTS = 3; // sections of a page listed under it
  var LATIN = "\\p{Script=Latin}\\p{Nd}";
  var LANGUAGE = document.documentElement.lang;
  var RANKING = { metaWeights: { title: 20 } };

  var form = root.querySelector("form");
  var field = root.querySelector("input[name=q]");
  var status = root.querySelector("[role=status]");
  var note = root.querySelector(".search-page__synonyms");
  var list = root.querySelector("ol");
  var more = root.querySelector("button[type=button]");
  var labels = root.dataset;

  // A site built in parts has the hub's index and one per group of regions (pagefind/parts/<group>/), searched as
  // one.
  var PARTS = (labels.parts || "").split(" ").filter(Boolean);

  var pagefind = import(labels.bundle).then(function (module) {
    return module.options({ ranking: RANKING }).then(function () {
      return Promise.all(PARTS.map(function (name) {
        return module.mergeIndex(new URL("parts/" + name + "/", new URL(labels.bundle, location.href)).href);
      }));
    }).then(function () {
      return module.init();
    }).then(function () {
      return module;
    });
  });
  // Each page's weight in the search (the filter "weight", generator/pages/catalogue.py), for the pages the queries
  // find: their id -> the weight; a page without one weighs 1. Found by the same searches narrowed to each weight,
  // which read only the index chunks the queries read anyway and the filter's own small file. (Listing every page of
  // a weight reads the whole index: 540 KB on a first visit, over its budget of 500.)
  function weightsOf(engine, queries) {
    return engine.filters().then(function (filters) {
      var values = Object.keys((filters && filters.weight) || {}).filter(function (value) {
        return value !== "1";
      });
      var narrowed = [];
      values.forEach(function (value) {
        queries.forEach(function (query) {
          narrowed.push(engine.search(query, { filters: { weight: value } }).then(function (found) {
            return { weight: parseFloat(value) || 1, results: found.results };
          }));
        });
      });
      return Promise.all(narrowed);
    }).then(function (groups) {
      var byId = {};
      groups.forEach(function (group) {
        group.results.forEach(function (result) {
          byId[result.id] = group.weight;
        });
      });
      return byId;
    }).catch(function () {
      return {}; // an index without weights: Pagefind's order
    });
  }
  var synonyms = fetch(SYNONYMS_URL)
    .then(function (response) {
      return response.ok ? response.json() : [];
    })
    .catch(function () {
      return [];
    });

  // Queries and terms

  function normalised(text) {
    return text.toLocaleLowerCase().replace(/[\s\-‐–]+/g, " ").trim();
  }

  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // A year next to Chinese characters, apart from them: 蓟州区2030 as 蓟州区 2030.
  function yearsApart(query) {
    return query
      .replace(/(\p{Script=Han})((?:19|20)\d\d)(?!\d)/gu, "$1 $2")
      .replace(/(?<!\d)((?:19|20)\d\d)(\p{Script=Han})/gu, "$1 $2");
  }

  // The terms to search for: if the query is a term of a synonym group, the group's terms in this edition's
  // language, its first term (the site's own word) first, and the query itself if it is not among them (solar on
  // the Chinese edition: 光伏, 太阳能, solar); otherwise the query (its years apart) and its word variants.
  function expand(query, groups) {
    var own = synonymsOf(query, groups);
    if (own) {
      return own.some(function (term) { return sameTerm(term, query); }) ? own : own.concat([query]);
    }
    return [yearsApart(query)].concat(wordVariants(query, groups));
  }

  // Whether a term of a group is the query's word (a plural finds its singular: EVs, EV; chargers, charger).
  function sameTerm(term, query) {
    var key = normalised(query);
    var name = normalised(term);
    return name === key || name === key.replace(/(?<=[a-z]{2})s$/, "") || name === key.replace(/(?<=[a-z]{2})es$/, "");
  }

  // The terms in this edition's language of the group that holds ``query`` in either language; null if none does.
  function synonymsOf(query, groups) {
    for (var i = 0; i < groups.length; i++) {
      var group = groups[i];
      var all = [].concat.apply([], Object.keys(group).map(function (lang) { return group[lang]; }));
      if (all.some(function (term) { return sameTerm(term, query); })) {
        return (group[LANGUAGE] || []).slice();
      }
    }
    return null;
  }

  // A query of several words, one of them a synonym term: the query again with each of its group's terms in its
  // place (rooftop solar: rooftop photovoltaic, rooftop PV), since a page must hold every word of a query.
  function wordVariants(query, groups) {
    var words = query.trim().split(/\s+/);
    var variants = [];
    words.forEach(function (word, i) {
      var own = words.length > 1 ? synonymsOf(word, groups) : null;
      (own || []).forEach(function (term) {
        var variant = words.slice(0, i).concat([term], words.slice(i + 1)).join(" ");
        if (!sameTerm(term, word) && variants.indexOf(variant) < 0) {
          variants.push(variant);
        }
      });
    });
    return variants;
  }

  // The Chinese characters of the terms, each once (光伏: 光, 伏).
  function characters(terms) {
    var found = [];
    terms.join("").replace(/\p{Script=Han}/gu, function (character) {
      if (found.indexOf(character) < 0) {
        found.push(character);
      }
      return character;
    });
    return found;
  }

  // A word of a query as a pattern: Chinese anywhere; an English word whole, with an optional plural ending;
  // a hyphen or space inside it matches either.
  function wordPattern(word) {
    var latinStart = new RegExp("^[" + LATIN + "]", "u").test(word);
    var latinEnd = new RegExp("[" + LATIN + "]$", "u").test(word);
    var stem = latinEnd && /[a-z]{3}s$/i.test(word) && !/ss$/i.test(word) ? word.slice(0, -1) : word;
    var body = stem.split(/[\-‐–]+/).map(escaped).join("[\\s\\-‐–]*");
    return (
      (latinStart ? "(?<![" + LATIN + "])" : "") +
      body +
      (latinEnd ? "(?:e?s)?(?![" + LATIN + "])" : "")
    );
  }

  function wordsOf(term) {
    return term.trim().split(/\s+/).filter(Boolean);
  }

  // Does the text hold the term (every word of it)?
  function holds(text, term) {
    return wordsOf(term).every(function (word) {
      return new RegExp(wordPattern(word), "iu").test(text);
    });
  }

  function holdsAny(text, terms) {
    return terms.some(function (term) {
      return holds(text, term);
    });
  }

  // Every word of every term, longest first, as one pattern to mark them.
  function markPattern(terms) {
    var words = [].concat.apply([], terms.map(wordsOf));
    words.sort(function (a, b) {
      return b.length - a.length;
    });
    return new RegExp(words.map(wordPattern).join("|"), "giu");
  }

  // Pagefind's excerpts are HTML (its <mark>s and escaped text): read them as text in an inert <template>.
  function textOf(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.textContent;
  }

  // Text with the terms marked, as DOM nodes (never as HTML).
  function marked(text, pattern) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(pattern, function (match) {
      var at = arguments[arguments.length - 2];
      fragment.appendChild(document.createTextNode(text.slice(last, at)));
      var mark = document.createElement("mark");
      mark.textContent = match;
      fragment.appendChild(mark);
      last = at + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  // Pagefind's excerpt if it shows a term, else the text around the first place that holds one.
  function excerpt(data, terms) {
    var text = textOf(data.excerpt);
    if (holdsAny(text, terms)) {
      return text;
    }
    var found = markPattern(terms).exec(data.content);
    if (!found) {
      return text;
    }
    var start = Math.max(0, found.index - 40);
    var end = Math.min(data.content.length, found.index + found[0].length + 100);
    return (start > 0 ? "… " : "") + data.content.slice(start, end) + (end < data.content.length ? " …" : "");
  }

  // Searching

  var current = 0; // the latest search; an older one stops when it sees it is stale

  function count(n, complete) {
    if (!complete) {
      return labels.first.replace("#", n);
    }
    return n === 0 ? labels.none : n === 1 ? labels.one : labels.other.replace("#", n);
  }

  function resultItem(data, terms, pattern) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var heading = document.createElement("p");
    heading.className = "search-page__title";
    heading.appendChild(link);
    item.appendChild(heading);
    var text = document.createElement("p");
    text.className = "search-page__excerpt";
    text.appendChild(marked(excerpt(data, terms), pattern));
    item.appendChild(text);
    var sections = (data.sub_results || [])
      .filter(function (sub) {
        return sub.anchor && sub.title !== link.textContent && holdsAny(textOf(sub.excerpt), terms);
      })
      .slice(0, SUB_RESULTS);
    if (sections.length) {
      var subList = document.createElement("ul");
      sections.forEach(function (sub) {
        var subItem = document.createElement("li");
        var subLink = document.createElement("a");
        subLink.href = sub.url;
        subLink.textContent = sub.title;
        subItem.appendChild(subLink);
        subItem.appendChild(document.createTextNode(" "));
        var subText = document.createElement("span");
        subText.appendChild(marked(textOf(sub.excerpt), pattern));
        subItem.appendChild(subText);
        subList.appendChild(subItem);
      });
      item.appendChild(subList);
    }
    return item;
  }

  // How a page's title stands to the terms: 0 if it is one of them, 1 if it begins with one, 2 if it holds one
  // (every word of it), 3 if it holds a word of one that is not a year (Hebei of "Hebei 2030"), else 4.
  function titleRank(title, terms) {
    var name = normalised(title);
    var rank = 4;
    terms.forEach(function (term) {
      var key = normalised(term);
      var some = wordsOf(term).some(function (word) {
        return word.length > 1 && !/^\d+$/.test(word) && holds(title, word);
      });
      rank = Math.min(rank, name === key ? 0 : name.indexOf(key) === 0 ? 1 : holds(title, term) ? 2 : some ? 3 : 4);
    });
    return rank;
  }

  // Check the candidates in order, a few at a time, until `wanted` more pages hold a term or none is left; list
  // them, those named by a term first (the indicator 碳达峰 before the plans that speak of it), else in order.
  // Among pages whose titles hold a term alike, the heavier kind comes first: the plan 河东区碳达峰实施方案 before
  // its original text, 河东区碳达峰实施方案（原文）, which names the district many more times.
  function listMore(run, wanted) {
    var pages = [];
    function step() {
      if (run.id !== current) {
        return Promise.resolve();
      }
      if (pages.length >= wanted || run.next >= run.candidates.length) {
        return Promise.resolve(show());
      }
      var batch = run.candidates.slice(run.next, run.next + LOADED_AT_ONCE);
      run.next += batch.length;
      return Promise.all(
        batch.map(function (candidate) {
          return candidate.data();
        })
      ).then(function (loaded) {
        loaded.forEach(function (data, i) {
          var title = (data.meta && data.meta.title) || "";
          if (holdsAny(title + " " + data.content, run.terms)) {
            var rank = titleRank(title, run.terms);
            var weight = rank < 4 ? run.weights[batch[i].id] || 1 : 0;
            pages.push({ data: data, rank: rank, weight: weight, order: pages.length });
          }
        });
        return step();
      });
    }
    function show() {
      if (run.id !== current) {
        return;
      }
      pages.sort(function (a, b) {
        return a.rank - b.rank || b.weight - a.weight || a.order - b.order;
      });
      pages.forEach(function (page) {
        list.appendChild(resultItem(page.data, run.terms, run.pattern));
      });
      run.listed += pages.length;
      var complete = run.next >= run.candidates.length;
      status.textContent = count(run.listed, complete);
      more.hidden = complete;
      if (complete && run.listed === 0) {
        offerChinese(run.query);
      }
    }
    return step();
  }

  // Nothing found on the English edition: the same search on the Chinese one, whose original texts may hold it
  // (labels.elsewhere is empty on the Chinese edition).
  function offerChinese(query) {
    if (!labels.elsewhere) {
      return;
    }
    var link = document.createElement("a");
    link.href = labels.chinese + "?q=" + encodeURIComponent(query);
    link.textContent = labels.elsewhereLink.replace("#", "\u201c" + query + "\u201d");
    note.textContent = labels.elsewhere + " ";
    note.appendChild(link);
    note.hidden = false;
  }

  var active = null; // the search whose results are listed

  // Candidates in order: the pages Pagefind finds for the first term, by score, then those it finds for each other
  // term in turn; then the pages that have any of the terms' Chinese characters, by the sum of their scores.
  // Pagefind wants every word of a query on a page, as the browser cuts the query, and its index cuts Chinese its
  // own way (河东区 as 河东 and 区, where the browser makes 河 and 东区), so it can miss a page that holds the term
  // whole; this last tier finds it. A character alone matches many pages: their text is checked anyway.
  function candidates(engine, terms) {
    var parts = characters(terms).filter(function (character) {
      return terms.indexOf(character) < 0;
    });
    var queries = terms.concat(parts);
    var searches = Promise.all(queries.map(function (query) {
      return engine.search(query);
    }));
    return Promise.all([searches, weightsOf(engine, queries)]).then(function (ready) {
      var found = ready[0];
      var weights = ready[1];
      var listed = {};
      var ordered = [];
      function add(results) {
        results.forEach(function (result) {
          if (!listed[result.id]) {
            listed[result.id] = true;
            ordered.push(result);
          }
        });
      }
      function weighted(result) {
        return { id: result.id, score: result.score * (weights[result.id] || 1), result: result };
      }
      function byScore(a, b) {
        return b.score - a.score || (a.id < b.id ? -1 : 1);
      }
      function unwrapped(entry) {
        return entry.result;
      }
      found.slice(0, terms.length).forEach(function (search) {
        add(search.results.map(weighted).sort(byScore).map(unwrapped));
      });
      var summed = {};
      found.slice(terms.length).forEach(function (search) {
        search.results.forEach(function (result) {
          summed[result.id] = summed[result.id] || { id: result.id, score: 0, result: result };
          summed[result.id].score += weighted(result).score;
        });
      });
      add(
        Object.keys(summed)
          .map(function (id) { return summed[id]; })
          .sort(byScore)
          .map(unwrapped)
      );
      return { pages: ordered, weights: weights };
    });
  }

  function search(query, id) {
    return Promise.all([pagefind, synonyms]).then(function (ready) {
      var terms = expand(query, ready[1]);
      return candidates(ready[0], terms).then(function (found) {
        if (id !== current) {
          return;
        }
        var others = terms.filter(function (term) {
          return normalised(term) !== normalised(yearsApart(query));
        });
        note.textContent = others.length ? labels.also + " " + others.join(" · ") : "";
        note.hidden = !others.length;
        active = {
          id: id, query: query, terms: terms, pattern: markPattern(terms), candidates: found.pages, next: 0, listed: 0,
          weights: found.weights,
        };
        return listMore(active, SHOWN_AT_ONCE);
      });
    });
  }

  // data-state tells tests (and styles) whether the listed results are final: searching, done or failed.
  function settle(id, state) {
    if (id === current) {
      root.dataset.state = state;
    }
  }

  function run(query) {
    var id = (current += 1);
    list.textContent = "";
    note.hidden = true;
    more.hidden = true;
    status.textContent = "";
    if (!query.trim()) {
      delete root.dataset.state;
      return;
    }
    root.dataset.state = "searching";
    search(query.trim(), id).then(
      function () {
        settle(id, "done");
      },
      function () {
        settle(id, "failed");
      }
    );
  }

  var typing = null;
  field.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      run(field.value);
    }, 300);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    var url = new URL(window.location.href);
    url.searchParams.set("q", field.value);
    window.history.replaceState(null, "", url);
    run(field.value);
  });
  more.addEventListener("click", function () {
    if (active && active.id === current) {
      var id = current;
      root.dataset.state = "searching";
      listMore(active, SHOWN_AT_ONCE).then(function () {
        settle(id, "done");
      });
    }
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    field.value = query;
    run(query);
  }
})();
