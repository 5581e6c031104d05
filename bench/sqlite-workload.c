/* SQLite workload for the benchmarks: inserts, indexed queries, and
 * string-heavy work, both in SQL (upper, replace, substr, printf, LIKE,
 * group_concat, json, FTS5) and in C (the rows are built with snprintf,
 * strcpy, strcat, memcpy into fixed buffers, as C programs do).
 *
 *   sqlite-workload [ROWS]      (default 20000)
 *
 * Prints a checksum of every result and exits non-zero when a result that
 * can be computed independently (row counts) is wrong. Deterministic: its own
 * PRNG, an in-memory database, no time or locale dependence. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite3.h"

static sqlite3 *db;
static uint64_t hash = 1469598103934665603ull; /* FNV-1a over every result */
static uint64_t rng = 88172645463325252ull;

static void mix(const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++) {
    hash ^= p[i];
    hash *= 1099511628211ull;
  }
}

static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 11);
}

static void die(const char *what) {
  fprintf(stderr, "sqlite-workload: %s: %s\n", what, sqlite3_errmsg(db));
  exit(2);
}

static void exec(const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "sqlite-workload: %s: %s\n", sql, err);
    exit(2);
  }
}

static sqlite3_stmt *prepare(const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    die(sql);
  return st;
}

/* Steps a statement to the end, hashing every column; returns the row count. */
static long drain(sqlite3_stmt *st) {
  long rows = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int n = sqlite3_column_count(st);
    for (int i = 0; i < n; i++) {
      const unsigned char *t = sqlite3_column_text(st, i);
      if (t)
        mix(t, (size_t)sqlite3_column_bytes(st, i));
    }
    rows++;
  }
  if (rc != SQLITE_DONE)
    die("step");
  sqlite3_reset(st);
  return rows;
}

static long query(const char *sql) {
  sqlite3_stmt *st = prepare(sql);
  long rows = drain(st);
  sqlite3_finalize(st);
  return rows;
}

static long scalar(const char *sql) {
  sqlite3_stmt *st = prepare(sql);
  if (sqlite3_step(st) != SQLITE_ROW)
    die(sql);
  long v = (long)sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static const char *const syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
                                        "zu", "an", "el", "or", "ith", "bar", "qu", "xy"};
static const char *const cities[] = {"Lisbon", "Oslo", "Lagos", "Quito", "Hanoi", "Perth",
                                     "Tunis", "Riga", "Dakar", "Lima", "Cork", "Bergen"};

/* A name of 2..5 syllables, built with strcpy/strcat into a fixed buffer. */
static void make_name(char name[32]) {
  int parts = 2 + (int)(next() % 4);
  strcpy(name, syllables[next() % 16]);
  for (int i = 1; i < parts; i++)
    strcat(name, syllables[next() % 16]);
  name[0] = (char)(name[0] - 'a' + 'A');
}

struct person {
  char name[32];
  char email[64];
  char city[16];
  char bio[256];
};

static void make_person(struct person *p, long id) {
  char tag[16];
  make_name(p->name);
  strcpy(p->city, cities[next() % 12]);
  snprintf(tag, sizeof tag, "%05ld", id % 100000);
  size_t n = strlen(p->name);
  memcpy(p->email, p->name, n);
  p->email[n] = '.';
  memcpy(p->email + n + 1, tag, strlen(tag) + 1);
  strcat(p->email, "@example.org");
  /* A bio of 4..20 words. */
  int words = 4 + (int)(next() % 17);
  p->bio[0] = '\0';
  size_t len = 0;
  for (int i = 0; i < words; i++) {
    const char *w = syllables[next() % 16];
    size_t wl = strlen(w);
    if (len + wl + 2 >= sizeof p->bio)
      break;
    if (len)
      p->bio[len++] = ' ';
    memcpy(p->bio + len, w, wl);
    len += wl;
    p->bio[len] = '\0';
  }
}

int main(int argc, char **argv) {
  long rows = argc > 1 ? atol(argv[1]) : 20000;
  if (rows < 100)
    rows = 100;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK)
    die("open");
  exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
  exec("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT,"
       " bio TEXT, score REAL, meta TEXT);"
       "CREATE TABLE visit(id INTEGER PRIMARY KEY, person INTEGER, page TEXT, ms INTEGER);"
       "CREATE VIRTUAL TABLE doc USING fts5(body);");

  /* Inserts: prepared statements in one transaction, text bound from C. */
  exec("BEGIN");
  sqlite3_stmt *ins = prepare("INSERT INTO person VALUES(?,?,?,?,?,?,?)");
  sqlite3_stmt *vis = prepare("INSERT INTO visit(person, page, ms) VALUES(?,?,?)");
  sqlite3_stmt *doc = prepare("INSERT INTO doc(body) VALUES(?)");
  struct person p;
  char meta[128], page[64];
  for (long id = 1; id <= rows; id++) {
    make_person(&p, id);
    snprintf(meta, sizeof meta, "{\"id\":%ld,\"tags\":[\"%s\",\"%s\"],\"level\":%u}", id,
             p.city, syllables[id % 16], next() % 10);
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_text(ins, 2, p.name, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, p.email, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, p.city, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 5, p.bio, -1, SQLITE_STATIC);
    sqlite3_bind_double(ins, 6, (double)(next() % 100000) / 100.0);
    sqlite3_bind_text(ins, 7, meta, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE)
      die("insert person");
    sqlite3_reset(ins);
    for (int v = 0; v < 3; v++) {
      const char *section = syllables[next() % 16];
      unsigned number = next() % 50;
      int len = snprintf(page, sizeof page, "/%s/%s/%u", p.city, section, number);
      sqlite3_bind_int64(vis, 1, id);
      sqlite3_bind_text(vis, 2, page, len, SQLITE_TRANSIENT);
      sqlite3_bind_int(vis, 3, (int)(next() % 5000));
      if (sqlite3_step(vis) != SQLITE_DONE)
        die("insert visit");
      sqlite3_reset(vis);
    }
    if (id % 4 == 0) {
      sqlite3_bind_text(doc, 1, p.bio, -1, SQLITE_TRANSIENT);
      if (sqlite3_step(doc) != SQLITE_DONE)
        die("insert doc");
      sqlite3_reset(doc);
    }
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(vis);
  sqlite3_finalize(doc);
  exec("COMMIT");
  exec("CREATE INDEX person_name ON person(name);"
       "CREATE INDEX person_city_score ON person(city, score);"
       "CREATE INDEX visit_person ON visit(person);"
       "ANALYZE;");

  long failures = 0;
  if (scalar("SELECT count(*) FROM person") != rows)
    failures++;
  if (scalar("SELECT count(*) FROM visit") != 3 * rows)
    failures++;

  /* Indexed point and range queries, prepared once, bound many times. */
  sqlite3_stmt *by_name = prepare("SELECT id, email, score FROM person WHERE name = ?");
  sqlite3_stmt *by_city = prepare(
      "SELECT name, score FROM person WHERE city = ? AND score BETWEEN ? AND ? ORDER BY score");
  sqlite3_stmt *join = prepare(
      "SELECT p.name, v.page, v.ms FROM person p JOIN visit v ON v.person = p.id"
      " WHERE p.id = ? ORDER BY v.ms");
  char name[32];
  long found = 0;
  for (long i = 0; i < rows; i++) {
    make_name(name);
    sqlite3_bind_text(by_name, 1, name, -1, SQLITE_TRANSIENT);
    found += drain(by_name);
    if (i % 4 == 0) {
      double lo = (double)(next() % 900);
      sqlite3_bind_text(by_city, 1, cities[next() % 12], -1, SQLITE_STATIC);
      sqlite3_bind_double(by_city, 2, lo);
      sqlite3_bind_double(by_city, 3, lo + 5.0);
      found += drain(by_city);
    }
    sqlite3_bind_int64(join, 1, 1 + (long)(next() % (uint32_t)rows));
    if (drain(join) != 3)
      failures++;
  }
  sqlite3_finalize(by_name);
  sqlite3_finalize(by_city);
  sqlite3_finalize(join);
  mix(&found, sizeof found);

  /* String-heavy SQL. */
  exec("UPDATE person SET bio = upper(substr(bio, 1, 1)) || substr(bio, 2) || ' ' ||"
       " replace(lower(name), 'a', '4') WHERE id % 3 = 0");
  query("SELECT city, count(*), group_concat(substr(name, 1, 3), ',') FROM person"
        " GROUP BY city ORDER BY city");
  query("SELECT printf('%-20s|%08.2f|%s', name, score, upper(email)) FROM person"
        " WHERE id % 7 = 0 ORDER BY name COLLATE NOCASE, id");
  query("SELECT count(*) FROM person WHERE bio LIKE '%bar%qu%' OR email GLOB '*[0-9]7@*'");
  query("SELECT instr(bio, 'ith'), length(bio), hex(substr(email, 2, 6)), trim(bio, 'kalo')"
        " FROM person WHERE id % 5 = 0");
  query("SELECT json_extract(meta, '$.tags[1]'), json_object('n', name, 'c', city)"
        " FROM person WHERE json_extract(meta, '$.level') > 6");
  query("SELECT v.page, count(*), sum(v.ms) FROM visit v GROUP BY v.page"
        " ORDER BY count(*) DESC, v.page LIMIT 200");
  query("SELECT rowid, snippet(doc, 0, '[', ']', '...', 6) FROM doc"
        " WHERE doc MATCH 'bar AND (qu OR xy)' ORDER BY rowid");
  query("SELECT name || '<' || email || '>' AS who FROM person ORDER BY who DESC LIMIT 5000");
  exec("DELETE FROM visit WHERE ms < 500");
  exec("VACUUM");
  query("SELECT count(*), sum(ms) FROM visit");

  sqlite3_close(db);
  printf("rows %ld checksum %016llx failures %ld\n", rows, (unsigned long long)hash, failures);
  return failures ? 1 : 0;
}
