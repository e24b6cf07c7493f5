/* SPDX-License-Identifier: MIT */
/* People search for autocomplete: who matches what was typed so far, by name first, then by
 * company. Folding a million names per keystroke takes too long, so the folded names and
 * companies are indexed once per graph: sorted names answer a name's start by binary search, a
 * sorted list of word starts answers a later word's start, and a scan of the folded names (one
 * buffer, memmem) answers text inside a name. Companies are far fewer than people: they are
 * scanned. */
#define _GNU_SOURCE /* memmem() */
#include "select/select-private.h"

#include <string.h>

#define NO_COMPANY G_MAXUINT32

/* Within a tier people are ordered by rank: folded name, then name, company and id as typed. */
typedef struct {
    guint n_people;
    GString *keys;    /* folded labels (name, else id), each NUL-terminated, in person order */
    gsize *key_at;    /* per person: offset of its key in keys */
    guint32 *by_name; /* people sorted by rank */
    guint32 *rank;    /* per person: its place in by_name */
    guint32 *words;   /* pairs (person, offset in its key) of each word start after the first,
                       * sorted by the key from there on, then by person */
    gsize n_words;
    GString *company_keys; /* distinct folded companies, NUL-terminated */
    guint n_companies;
    gsize *company_at;       /* per company: offset of its key */
    guint32 *company_order;  /* companies sorted by key */
    guint32 *company_first;  /* n_companies + 1 offsets into company_people */
    guint32 *company_people; /* each company's people, by rank */
} PeopleIndex;

static void people_index_free(gpointer data)
{
    PeopleIndex *x = data;
    if (x == NULL)
        return;
    g_string_free(x->keys, TRUE);
    g_free(x->key_at);
    g_free(x->by_name);
    g_free(x->rank);
    g_free(x->words);
    g_string_free(x->company_keys, TRUE);
    g_free(x->company_at);
    g_free(x->company_order);
    g_free(x->company_first);
    g_free(x->company_people);
    g_free(x);
}

static const char *key_of(const PeopleIndex *x, guint32 p)
{
    return x->keys->str + x->key_at[p];
}

static const char *or_empty(const char *s)
{
    return s != NULL ? s : "";
}

typedef struct {
    const WpGraph *graph;
    const PeopleIndex *index;
} SortData;

/* Rank order: folded name, then name, company and id as the data spells them. */
static int compare_rank(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const SortData *d = user_data;
    guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
    int c = strcmp(key_of(d->index, x), key_of(d->index, y));
    if (c == 0)
        c = strcmp(wp_graph_person_label(d->graph, x), wp_graph_person_label(d->graph, y));
    if (c == 0)
        c = strcmp(or_empty(wp_graph_person_attr(d->graph, x, WP_COLUMN_COMPANY)),
                   or_empty(wp_graph_person_attr(d->graph, y, WP_COLUMN_COMPANY)));
    if (c == 0)
        c = strcmp(wp_graph_person_id(d->graph, x), wp_graph_person_id(d->graph, y));
    return c;
}

/* Word starts: by the key from the word on, then by person. */
static int compare_words(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const PeopleIndex *x = user_data;
    const guint32 *u = a, *v = b;
    int c = strcmp(key_of(x, u[0]) + u[1], key_of(x, v[0]) + v[1]);
    return c != 0 ? c : (u[0] > v[0]) - (u[0] < v[0]);
}

static int compare_companies(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const PeopleIndex *x = user_data;
    return strcmp(x->company_keys->str + x->company_at[*(const guint32 *)a],
                  x->company_keys->str + x->company_at[*(const guint32 *)b]);
}

static void index_names(PeopleIndex *x, const WpGraph *graph)
{
    g_autoptr(GString) scratch = g_string_new(NULL);
    x->keys = g_string_new(NULL);
    x->key_at = g_new(gsize, MAX(x->n_people, 1));
    GArray *words = g_array_new(FALSE, FALSE, 2 * sizeof(guint32));
    for (guint32 p = 0; p < x->n_people; p++) {
        wp_i_text_fold_into(wp_graph_person_label(graph, p), scratch);
        x->key_at[p] = x->keys->len;
        g_string_append_len(x->keys, scratch->str, (gssize)scratch->len + 1);
        for (gsize i = 1; i < scratch->len; i++)
            if (scratch->str[i - 1] == ' ') {
                guint32 pair[2] = {p, (guint32)i};
                g_array_append_val(words, pair);
            }
    }
    SortData data = {graph, x};
    x->by_name = g_new(guint32, MAX(x->n_people, 1));
    for (guint32 p = 0; p < x->n_people; p++)
        x->by_name[p] = p;
    g_qsort_with_data(x->by_name, (gint)x->n_people, sizeof(guint32), compare_rank, &data);
    x->rank = g_new(guint32, MAX(x->n_people, 1));
    for (guint32 i = 0; i < x->n_people; i++)
        x->rank[x->by_name[i]] = i;
    x->n_words = words->len;
    g_qsort_with_data(words->data, (gint)words->len, 2 * sizeof(guint32), compare_words, x);
    x->words = (guint32 *)(void *)g_array_free(words, FALSE);
}

/* Distinct folded companies, each with its people in rank order. */
static void index_companies(PeopleIndex *x, const WpGraph *graph)
{
    g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GString) scratch = g_string_new(NULL);
    g_autofree guint32 *company_of = g_new(guint32, MAX(x->n_people, 1));
    GArray *at = g_array_new(FALSE, FALSE, sizeof(gsize));
    x->company_keys = g_string_new(NULL);
    for (guint32 p = 0; p < x->n_people; p++) {
        const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
        company_of[p] = NO_COMPANY;
        if (company == NULL)
            continue;
        wp_i_text_fold_into(company, scratch);
        if (scratch->len == 0)
            continue;
        gpointer found = NULL;
        if (!g_hash_table_lookup_extended(ids, scratch->str, NULL, &found)) {
            gsize offset = x->company_keys->len;
            g_string_append_len(x->company_keys, scratch->str, (gssize)scratch->len + 1);
            found = GUINT_TO_POINTER(at->len);
            g_array_append_val(at, offset);
            g_hash_table_insert(ids, g_strdup(scratch->str), found);
        }
        company_of[p] = GPOINTER_TO_UINT(found);
    }
    x->n_companies = at->len;
    x->company_at = (gsize *)(void *)g_array_free(at, FALSE);
    x->company_order = g_new(guint32, MAX(x->n_companies, 1));
    for (guint32 c = 0; c < x->n_companies; c++)
        x->company_order[c] = c;
    g_qsort_with_data(x->company_order, (gint)x->n_companies, sizeof(guint32), compare_companies,
                      x);
    x->company_first = g_new0(guint32, x->n_companies + 1);
    for (guint32 p = 0; p < x->n_people; p++)
        if (company_of[p] != NO_COMPANY)
            x->company_first[company_of[p] + 1]++;
    for (guint32 c = 0; c < x->n_companies; c++)
        x->company_first[c + 1] += x->company_first[c];
    g_autofree guint32 *fill = g_memdup2(x->company_first, (x->n_companies + 1) * sizeof(guint32));
    x->company_people = g_new(guint32, MAX(x->company_first[x->n_companies], 1));
    for (guint32 i = 0; i < x->n_people; i++) { /* in rank order, so each list is ranked */
        guint32 p = x->by_name[i];
        if (company_of[p] != NO_COMPANY)
            x->company_people[fill[company_of[p]]++] = p;
    }
}

static gpointer people_index_new(const WpGraph *graph)
{
    PeopleIndex *x = g_new0(PeopleIndex, 1);
    x->n_people = wp_graph_n_people(graph);
    index_names(x, graph);
    index_companies(x, graph);
    return x;
}

/* The index, built by the first caller while others wait: a cache of what the graph says,
 * freed with it. */
static const PeopleIndex *people_index(const WpGraph *graph)
{
    return wp_i_graph_people_cache(graph, people_index_new, people_index_free);
}

void wp_graph_index_people(const WpGraph *graph)
{
    g_return_if_fail(graph != NULL);
    people_index(graph);
}

/* How @key (a folded name or company) matches the folded text @q: exact, its start, a later
 * word's start, somewhere inside, or not (-1). */
static int match_kind(const char *key, const char *q, gsize q_len)
{
    if (strncmp(key, q, q_len) == 0)
        return key[q_len] == '\0' ? WP_MATCH_NAME_EXACT : WP_MATCH_NAME_PREFIX;
    const char *hit = strstr(key, q);
    if (hit == NULL)
        return -1;
    for (const char *h = hit; h != NULL; h = strstr(h + 1, q))
        if (h[-1] == ' ')
            return WP_MATCH_NAME_WORD;
    return WP_MATCH_NAME_PART;
}

/* The @room best people by rank: a bounded max-heap of ranks. */
typedef struct {
    guint32 *ranks;
    guint n;
    guint room;
} Best;

static void best_sift_down(Best *b, guint i)
{
    for (;;) {
        guint l = 2 * i + 1, r = l + 1, top = i;
        if (l < b->n && b->ranks[l] > b->ranks[top])
            top = l;
        if (r < b->n && b->ranks[r] > b->ranks[top])
            top = r;
        if (top == i)
            return;
        guint32 t = b->ranks[i];
        b->ranks[i] = b->ranks[top];
        b->ranks[top] = t;
        i = top;
    }
}

static void best_offer(Best *b, guint32 rank)
{
    if (b->n < b->room) {
        guint i = b->n++;
        b->ranks[i] = rank;
        while (i > 0 && b->ranks[(i - 1) / 2] < b->ranks[i]) {
            guint32 t = b->ranks[i];
            b->ranks[i] = b->ranks[(i - 1) / 2];
            b->ranks[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
    } else if (rank < b->ranks[0]) {
        b->ranks[0] = rank;
        best_sift_down(b, 0);
    }
}

static int compare_u32(gconstpointer a, gconstpointer b)
{
    guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
    return (x > y) - (x < y);
}

/* Appends the people @b kept, best first, as matches of @kind. */
static void best_flush(Best *b, const PeopleIndex *x, WpPersonMatchKind kind, GArray *out)
{
    qsort(b->ranks, b->n, sizeof(guint32), compare_u32);
    for (guint i = 0; i < b->n; i++) {
        WpPersonMatch m = {x->by_name[b->ranks[i]], kind};
        g_array_append_val(out, m);
    }
}

/* The first index in the sorted @n entries whose string (@string_at) is >= @q. */
typedef const char *(*StringAt)(const PeopleIndex *x, gsize i);

static gsize lower_bound(const PeopleIndex *x, gsize n, StringAt string_at, const char *q)
{
    gsize lo = 0, hi = n;
    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (strcmp(string_at(x, mid), q) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const char *name_at(const PeopleIndex *x, gsize i)
{
    return key_of(x, x->by_name[i]);
}

static const char *word_at(const PeopleIndex *x, gsize i)
{
    return key_of(x, x->words[2 * i]) + x->words[2 * i + 1];
}

/* Names that are the text or start with it: one range of the sorted names, exact ones first. */
static void search_name_starts(const PeopleIndex *x, const char *q, gsize q_len, guint limit,
                               GArray *out)
{
    for (gsize i = lower_bound(x, x->n_people, name_at, q);
         i < x->n_people && out->len < limit && strncmp(name_at(x, i), q, q_len) == 0; i++) {
        WpPersonMatch m = {x->by_name[i], name_at(x, i)[q_len] == '\0' ? WP_MATCH_NAME_EXACT
                                                                       : WP_MATCH_NAME_PREFIX};
        g_array_append_val(out, m);
    }
}

/* Names a later word of which starts with the text (and whose start does not). A person with
 * two such words is counted at the first. */
static void search_name_words(const PeopleIndex *x, const char *q, gsize q_len, Best *best)
{
    for (gsize i = lower_bound(x, x->n_words, word_at, q);
         i < x->n_words && strncmp(word_at(x, i), q, q_len) == 0; i++) {
        guint32 p = x->words[2 * i];
        const char *key = key_of(x, p);
        if (strncmp(key, q, q_len) == 0)
            continue;
        const char *first = key + 1;
        while ((first = strstr(first, q)) != NULL && first[-1] != ' ')
            first++;
        if (first != NULL && (gsize)(first - key) == x->words[2 * i + 1])
            best_offer(best, x->rank[p]);
    }
}

/* The person whose key holds byte @at of the keys. */
static guint32 person_at(const PeopleIndex *x, gsize at)
{
    guint32 lo = 0, hi = x->n_people; /* the last person whose key starts at or before @at */
    while (hi - lo > 1) {
        guint32 mid = lo + (hi - lo) / 2;
        if (x->key_at[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Names with the text inside and nowhere at a word's start: one scan of all folded names. */
static void search_name_parts(const PeopleIndex *x, const char *q, gsize q_len, Best *best)
{
    const char *all = x->keys->str, *end = all + x->keys->len;
    const char *at = all;
    while (at < end && (at = memmem(at, (gsize)(end - at), q, q_len)) != NULL) {
        guint32 p = person_at(x, (gsize)(at - all));
        const char *key = key_of(x, p);
        if (match_kind(key, q, q_len) == WP_MATCH_NAME_PART)
            best_offer(best, x->rank[p]);
        at = key + strlen(key) + 1; /* on to the next person */
    }
}

/* People by company, for those whose name does not match: the companies of each kind in key
 * order, and each company's people in rank order. */
static void search_companies(const PeopleIndex *x, const char *q, gsize q_len, guint limit,
                             GArray *out)
{
    g_autofree gint8 *kinds = g_new(gint8, MAX(x->n_companies, 1));
    for (guint32 c = 0; c < x->n_companies; c++)
        kinds[c] = (gint8)match_kind(x->company_keys->str + x->company_at[c], q, q_len);
    for (int kind = WP_MATCH_NAME_EXACT; kind <= WP_MATCH_NAME_PART; kind++)
        for (guint32 i = 0; i < x->n_companies && out->len < limit; i++) {
            guint32 c = x->company_order[i];
            if (kinds[c] != kind)
                continue;
            for (guint32 k = x->company_first[c]; k < x->company_first[c + 1] && out->len < limit;
                 k++) {
                guint32 p = x->company_people[k];
                if (match_kind(key_of(x, p), q, q_len) >= 0)
                    continue;
                WpPersonMatch m = {p, WP_MATCH_COMPANY_EXACT + kind};
                g_array_append_val(out, m);
            }
        }
}

GArray *wp_graph_search_people(const WpGraph *graph, const char *text, guint limit)
{
    g_return_val_if_fail(graph != NULL && text != NULL && limit >= 1, NULL);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(WpPersonMatch));
    g_autofree char *q = wp_text_fold(text);
    gsize q_len = strlen(q);
    if (q_len == 0 || q_len > WP_SEARCH_MAX_TEXT)
        return out;
    const PeopleIndex *x = people_index(graph);
    search_name_starts(x, q, q_len, limit, out);
    g_autofree guint32 *ranks = g_new(guint32, limit);
    for (int tier = WP_MATCH_NAME_WORD; tier <= WP_MATCH_NAME_PART && out->len < limit; tier++) {
        Best best = {ranks, 0, limit - out->len};
        if (tier == WP_MATCH_NAME_WORD)
            search_name_words(x, q, q_len, &best);
        else
            search_name_parts(x, q, q_len, &best);
        best_flush(&best, x, tier, out);
    }
    if (out->len < limit)
        search_companies(x, q, q_len, limit, out);
    return out;
}
