-- sitrep store, schema version 8 (migrations in lib.rs).
CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,
    analysis    TEXT NOT NULL DEFAULT '',  -- which dictionaries and sitrep version analysed it
    origin      TEXT NOT NULL,
    title       TEXT,
    outlet      TEXT,
    published   TEXT,
    language    TEXT,
    url         TEXT,
    text        TEXT NOT NULL,
    raw         TEXT NOT NULL,
    article     BLOB NOT NULL  -- the Article without its text, postcard (paragraphs, sentences, dates, removed, alignment)
);
-- Documents in clustering order (date, undated first, then id): the corpus stage streams them
-- in this order, and without the index SQLite sorted every row with its features in memory (a
-- gigabyte at half a million documents).
CREATE INDEX IF NOT EXISTS documents_order ON documents(published IS NOT NULL, published, id);
-- What the corpus stage needs of a document (actor ids, top words): small and bounded, and
-- binary (schema v7): only sitrep reads it, on every replay.
CREATE TABLE IF NOT EXISTS doc_features (
    doc     TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data    BLOB NOT NULL,            -- postcard: (actors, words, names), each in order
    minhash BLOB                      -- MinHash signature: 128 u32, little-endian
);
-- A document's own actors (before merging across documents), one list by id, and its mentions
-- (spans of the clean text naming them) in text order, both postcard: only sitrep reads them,
-- the actor merge and `sitrep show` (schema v7; JSON, they were a fifth of the store). A row
-- per mention, with its indexes, was half of the store stage's time (schema v6 moved them here).
CREATE TABLE IF NOT EXISTS doc_actors (
    doc           TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    actors        BLOB NOT NULL,
    mentions      BLOB NOT NULL,
    mention_count INTEGER NOT NULL DEFAULT 0
);
-- An event's id is a hash of its document, type, endpoints, status and sentence: unique by
-- construction, and not indexed (schema v7). Nothing looks an event up by its id alone, and a
-- hash key's index took one insert at a random place for every event, which misses SQLite's
-- page cache more and more as the store grows; the rows of a document sit together by (doc, seq).
-- The columns before `data` are what queries filter on; `data` is the whole event in postcard,
-- its evidence without text (cut from the document's text when read). Only sitrep reads it: as
-- JSON (schema v7) it was a third of the store, and writing it cost more than the binary form.
CREATE TABLE IF NOT EXISTS events (
    id             TEXT NOT NULL,
    doc            TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    status         TEXT NOT NULL,
    source         TEXT,
    target         TEXT,
    source_country TEXT,
    target_country TEXT,
    date           TEXT,
    goldstein      REAL NOT NULL,
    data           BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_doc ON events(doc, seq);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
-- Every document's actors counted by id (sitrep_corpus::actors::Tally, postcard), kept up to
-- date as documents are stored, replaced or removed: the corpus stage's actor merge reads this,
-- not every document's actors (schema v7).
CREATE TABLE IF NOT EXISTS actor_pool (
    actor TEXT PRIMARY KEY,
    tally BLOB NOT NULL
);
-- Written by the corpus stage across documents.
CREATE TABLE IF NOT EXISTS actors (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actor_links (
    alias TEXT PRIMARY KEY,   -- an in-document actor id
    actor TEXT NOT NULL,      -- the merged actor it belongs to
    why   TEXT NOT NULL
);
-- A story is keyed by its anchor, its first document in clustering order (date, then id); its
-- id (a hash of its documents) changes as reports join. Listed in the anchors' order.
CREATE TABLE IF NOT EXISTS stories (
    id               TEXT PRIMARY KEY,
    anchor           TEXT NOT NULL UNIQUE,
    anchor_published TEXT,
    last_day         INTEGER,           -- latest report's day number (NULL: no dated report)
    label_keys       TEXT NOT NULL,     -- '|A|B|': the actor keys the label names
    json             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_last_day ON stories(last_day);
-- Stories in the order they are listed, for the same reason.
CREATE INDEX IF NOT EXISTS stories_order ON stories(anchor_published IS NOT NULL, anchor_published, anchor);
-- Which story each clustered document is in, under which date and version it was clustered.
-- No foreign key: a replaced document's old row says which story to revisit.
CREATE TABLE IF NOT EXISTS story_members (
    doc       TEXT PRIMARY KEY,
    story     TEXT NOT NULL,            -- the story's anchor
    published TEXT,
    version   TEXT NOT NULL             -- the document's hash and analysis when clustered
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story);
-- Near-duplicates: a copy and the first report it copies.
CREATE TABLE IF NOT EXISTS copies (
    doc        TEXT PRIMARY KEY,
    original   TEXT NOT NULL,
    similarity REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS copies_original ON copies(original);
-- An event's story is its document's (story_members). Corroboration (JSON) is kept only for
-- events told by more than themselves: most events are told once, by one document of one
-- outlet, and a row each for them was a tenth of the store (schema v7).
CREATE TABLE IF NOT EXISTS corroboration (
    event   TEXT PRIMARY KEY,
    story   TEXT NOT NULL,              -- the story's id
    support TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corroboration_story ON corroboration(story);

-- Documents stored, replaced or removed since the corpus stage last ran: what it must place
-- again. Finding them by comparing every document with its story membership read the whole
-- documents table on every ingest (schema v7).
CREATE TABLE IF NOT EXISTS pending (
    doc TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Lines an outlet prints on page after page, learnt across ingests (see sitrep-text's
-- clean::outlet); they are dropped from that outlet's later documents.
CREATE TABLE IF NOT EXISTS outlet_boilerplate (
    outlet TEXT NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (outlet, line)
) WITHOUT ROWID;
