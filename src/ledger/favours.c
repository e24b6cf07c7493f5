/* SPDX-License-Identifier: MIT */
/* Who owes the seller: introductions given (asks of kind given) set against the introductions
 * the same people made for the seller afterwards. */
#include "warmpath/favours.h"

#include <string.h>

/* A favour given or returned, on its day. */
typedef struct {
    WpDay day;
    gboolean returned; /* FALSE: a favour given */
} Mark;

/* What the ledger says about one person the sellers gave introductions to or asked. */
typedef struct {
    const WpAsk *last_given; /* borrowed from the asks; NULL while none was given */
    guint given;
    GArray *marks;    /* Mark */
    GPtrArray *asked; /* requests to the person (borrowed WpAsk) */
} Entry;

static void entry_free(gpointer data)
{
    Entry *e = data;
    g_array_unref(e->marks);
    g_ptr_array_unref(e->asked);
    g_free(e);
}

void wp_favour_free(WpFavour *favour)
{
    if (favour == NULL)
        return;
    g_free(favour->person.id);
    g_free(favour->person.name);
    g_free(favour->person.company);
    g_free(favour->last_to.id);
    g_free(favour->last_to.name);
    g_free(favour->last_to.company);
    g_free(favour);
}

/* The ask's state as its events up to @as_of say (its first event, `asked`, is never later
 * than the day it was asked). */
static WpAskState state_as_of(const WpAsk *ask, WpDay as_of)
{
    WpAskState state = WP_ASK_ASKED;
    for (guint i = 0; i < ask->events->len; i++) {
        const WpAskEvent *e = g_ptr_array_index(ask->events, i);
        if (e->day > as_of)
            break;
        state = e->state;
    }
    return state;
}

/* The day the introduction of a request happened: its first event up to @as_of in a state
 * that implies it (a meeting recorded straight after `asked` implies the introduction), or
 * WP_DAY_NONE. */
static WpDay introduced_on(const WpAsk *ask, WpDay as_of)
{
    for (guint i = 0; i < ask->events->len; i++) {
        const WpAskEvent *e = g_ptr_array_index(ask->events, i);
        if (e->day > as_of)
            break;
        if (wp_ask_state_introduced(e->state))
            return e->day;
    }
    return WP_DAY_NONE;
}

static gboolean later(const WpAsk *a, const WpAsk *b)
{
    return a->asked_on != b->asked_on ? a->asked_on > b->asked_on : a->id > b->id;
}

/* Favours given first on a day: a favour returned the day it was given still returns it. */
static gint mark_cmp(gconstpointer pa, gconstpointer pb)
{
    const Mark *a = pa, *b = pb;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return (a->returned > b->returned) - (a->returned < b->returned);
}

/* Reads the sellers' asks into one entry per person (the source's id). */
static GHashTable *collect(const GPtrArray *asks, const char *const *seller_ids, WpDay as_of)
{
    g_autoptr(GHashTable) sellers = g_hash_table_new(g_str_hash, g_str_equal); /* borrowed */
    for (guint i = 0; seller_ids[i] != NULL; i++)
        g_hash_table_add(sellers, (gpointer)seller_ids[i]);
    /* source id (borrowed from the asks) -> Entry */
    GHashTable *people = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entry_free);
    for (guint i = 0; i < asks->len; i++) {
        const WpAsk *a = g_ptr_array_index(asks, i);
        if (a->source.id == NULL || a->asked_on > as_of ||
            !g_hash_table_contains(sellers, a->seller.id))
            continue;
        Entry *e = g_hash_table_lookup(people, a->source.id);
        if (e == NULL) {
            e = g_new0(Entry, 1);
            e->marks = g_array_new(FALSE, FALSE, sizeof(Mark));
            e->asked = g_ptr_array_new();
            g_hash_table_insert(people, a->source.id, e);
        }
        Mark m = {a->asked_on, FALSE};
        if (a->kind == WP_ASK_KIND_GIVEN) {
            e->given++;
            if (e->last_given == NULL || later(a, e->last_given))
                e->last_given = a;
        } else {
            g_ptr_array_add(e->asked, (gpointer)a);
            m.day = introduced_on(a, as_of);
            m.returned = TRUE;
        }
        if (m.day != WP_DAY_NONE)
            g_array_append_val(e->marks, m);
    }
    return people;
}

static void copy_person(WpLedgerPerson *to, const WpLedgerPerson *from)
{
    to->id = g_strdup(from->id);
    to->name = g_strdup(from->name);
    to->company = g_strdup(from->company);
}

/* Settles the favours of @e in day order, each return the oldest favour still open, and
 * returns the favour with what is still owed (owed may be 0). */
static WpFavour *settle(const Entry *e, WpDay as_of)
{
    g_array_sort(e->marks, mark_cmp);
    g_autoptr(GArray) open = g_array_new(FALSE, FALSE, sizeof(WpDay)); /* days of open favours */
    guint head = 0;
    WpFavour *f = g_new0(WpFavour, 1);
    for (guint i = 0; i < e->marks->len; i++) {
        const Mark *m = &g_array_index(e->marks, Mark, i);
        if (!m->returned)
            g_array_append_val(open, m->day);
        else if (head < open->len) {
            head++;
            f->returned++;
        }
    }
    f->given = e->given;
    f->owed = f->given - f->returned;
    f->first_owed = head < open->len ? g_array_index(open, WpDay, head) : WP_DAY_NONE;
    f->last_given = e->last_given->asked_on;
    f->last_given_ask = e->last_given->id;
    copy_person(&f->person, &e->last_given->source);
    copy_person(&f->last_to, &e->last_given->target);
    f->last_ask_on = WP_DAY_NONE;
    const WpAsk *last = NULL;
    for (guint i = 0; f->owed > 0 && i < e->asked->len; i++) {
        const WpAsk *a = g_ptr_array_index(e->asked, i);
        if (a->asked_on < f->first_owed || introduced_on(a, as_of) != WP_DAY_NONE)
            continue;
        f->asked_since++;
        if (last == NULL || later(a, last))
            last = a;
    }
    if (last != NULL) {
        f->last_ask = last->id;
        f->last_ask_state = state_as_of(last, as_of);
        f->last_ask_on = last->asked_on;
    }
    return f;
}

static gint favour_cmp(gconstpointer pa, gconstpointer pb)
{
    const WpFavour *a = *(const WpFavour *const *)pa, *b = *(const WpFavour *const *)pb;
    if (a->owed != b->owed)
        return a->owed > b->owed ? -1 : 1;
    if (a->first_owed != b->first_owed)
        return a->first_owed < b->first_owed ? -1 : 1;
    return strcmp(a->person.id, b->person.id);
}

GPtrArray *wp_favours_owed(const GPtrArray *asks, const char *const *seller_ids, WpDay as_of,
                           guint *n_given, guint *n_returned)
{
    g_return_val_if_fail(asks != NULL && seller_ids != NULL && seller_ids[0] != NULL, NULL);
    g_autoptr(GHashTable) people = collect(asks, seller_ids, as_of);
    GPtrArray *owed = g_ptr_array_new_with_free_func((GDestroyNotify)wp_favour_free);
    guint given = 0, returned = 0;
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, people);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        const Entry *e = value;
        if (e->given == 0)
            continue;
        WpFavour *f = settle(e, as_of);
        given += f->given;
        returned += f->returned;
        if (f->owed > 0)
            g_ptr_array_add(owed, f);
        else
            wp_favour_free(f);
    }
    g_ptr_array_sort(owed, favour_cmp);
    if (n_given != NULL)
        *n_given = given;
    if (n_returned != NULL)
        *n_returned = returned;
    return owed;
}
