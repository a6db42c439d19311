// Search worker behind Material's search UI (same messages, same result format).
//
// Why not Material's own worker: its Chinese query segmenter never considers a
// word that ends at the last character of the query (so 并行传输 becomes 并行*),
// and it sends English words to lunr with a trailing wildcard, which lunr does not
// stem, while the index holds stems ("streaming*" never matches "stream").
// This worker reuses the lunr that Material's worker bundles, and:
// - splits Chinese queries into the longest words the index knows (the index was
//   segmented with jieba and our dictionary at build time);
// - stems English words and matches them as prefixes ("quantiz" finds "quantization");
// - ranks title and bold answer terms above body text (field boosts from the index),
//   and documents that match every query word above those that match some.
// Nothing heavy loads with the page: lunr and this language's documents are
// fetched when the reader first searches (qa.js warms the cache when the search
// field gets focus).  qa/plugin/material.py puts both URLs in ours.
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3 // Material's SearchMessageType
const HAN = /\p{sc=Han}/u
const params = new URLSearchParams(location.search)

let lunr = null
let loading = null

function load() {
  if (!loading) {
    loading = (async () => {
      importScripts(params.get("material")) // Material's worker: defines self.lunr
      lunr = self.lunr
      const response = await fetch(params.get("index"))
      return createEngine(await response.json())
    })()
  }
  return loading
}

addEventListener("message", async event => {
  // Material's own listener (added when its worker loads) must not see the message
  event.stopImmediatePropagation()
  const message = event.data
  if (message.type === SETUP) {
    postMessage({ type: READY }) // the stub index Material sends is ignored
  } else if (message.type === QUERY) {
    let data = { items: [] }
    try {
      // Material sends an empty query when the page loads: no reason to load anything
      if (message.data.trim()) data = (await load()).search(message.data)
    } catch (err) {
      console.warn("search failed", err)
    }
    postMessage({ type: RESULT, data })
  }
})

function createEngine({ config, docs }) {
  const separator = new RegExp(config.separator, "u")
  const documents = new Map(docs.map(doc => [doc.location, doc]))
  const stem = word => {
    const token = lunr.stemmer(new lunr.Token(word))
    return token ? token.toString() : word
  }
  const index = lunr(function () {
    this.ref("location")
    this.metadataWhitelist = ["position"]
    this.tokenizer.separator = separator
    lunr.tokenizer.separator = separator
    // only the English stemmer: lunr's trimmer would strip Chinese words
    this.pipeline.reset()
    this.searchPipeline.reset()
    this.pipeline.add(lunr.stemmer)
    for (const [name, spec] of Object.entries(config.fields))
      this.field(name, { boost: spec.boost })
    for (const doc of docs)
      this.add(doc, { boost: doc.boost || 1 })
  })

  // Chinese words the index knows, for longest-match segmentation of queries
  const words = new Set(Object.keys(index.invertedIndex).filter(term => HAN.test(term)))
  const longest = Math.max(1, ...[...words].map(word => word.length))

  function segment(run) {
    const parts = []
    for (let i = 0; i < run.length;) {
      let length = Math.min(longest, run.length - i)
      while (length > 1 && !words.has(run.slice(i, i + length)))
        length--
      parts.push(run.slice(i, i + length))
      i += length
    }
    return parts
  }

  function queryTerms(query) {
    const terms = []
    for (const chunk of query.toLowerCase().split(separator)) {
      for (const run of chunk.match(/\p{sc=Han}+|[^\p{sc=Han}]+/gu) || []) {
        if (HAN.test(run))
          terms.push(...segment(run))
        else if (lunr.stopWordFilter(run))
          terms.push(stem(run))
      }
    }
    return [...new Set(terms.filter(Boolean))]
  }

  function highlight(value, positions) {
    let result = "", last = 0
    for (const [start, length] of positions.sort((a, b) => a[0] - b[0])) {
      if (start < last) continue
      result += value.slice(last, start) + "<mark>" + value.slice(start, start + length) + "</mark>"
      last = start + length
    }
    return result + value.slice(last)
  }

  return {
    search(query) {
      const terms = queryTerms(query)
      if (!terms.length)
        return { items: [] }
      const results = index.query(builder => {
        for (const term of terms) {
          // an exact word counts more than a word it is the prefix of
          builder.term(term, { usePipeline: false, boost: 2 })
          builder.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING })
        }
      })
      const items = results.map(({ ref, score, matchData }) => {
        const doc = documents.get(ref)
        const matched = Object.keys(matchData.metadata)
        const found = {}
        for (const term of terms)
          found[term] = matched.some(token => token.startsWith(term))
        const share = Object.values(found).filter(Boolean).length / terms.length
        const positions = { title: [], text: [] }
        for (const fields of Object.values(matchData.metadata))
          for (const field of Object.keys(positions))
            if (fields[field]) positions[field].push(...fields[field].position)
        return {
          location: doc.location,
          title: highlight(doc.title, positions.title),
          text: highlight(doc.text, positions.text),
          score: score * (1 + share * share),
          terms: found,
        }
      })
      items.sort((a, b) => b.score - a.score)
      return { items: items.map(item => [item]) }
    },
  }
}
