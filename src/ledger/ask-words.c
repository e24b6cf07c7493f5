/* SPDX-License-Identifier: MIT */
/* What `ask` says: the warnings that protect a source, the answer as JSON, an ask in words. */
#include "ledger/ledger-private.h"
#include "warmpath/ledger-ask.h"
#include "warmpath/model.h"

static const char *const warning_names[] = {
    [WP_ASK_WARNING_OPEN_ASKS] = "open-asks",
    [WP_ASK_WARNING_RECENT] = "recent",
    [WP_ASK_WARNING_NO_PATH] = "no-path",
    [WP_ASK_WARNING_DECLINED] = "declined",
};

const char *wp_ask_warning_kind_name(WpAskWarningKind kind)
{
    return (guint)kind < G_N_ELEMENTS(warning_names) ? warning_names[kind] : "unknown";
}

void wp_ask_warning_free(WpAskWarning *warning)
{
    if (warning == NULL)
        return;
    if (warning->asks != NULL)
        g_array_unref(warning->asks);
    g_free(warning->text);
    g_free(warning);
}

static WpAskWarning *warning_new(WpAskWarningKind kind, GArray *asks, char *text)
{
    WpAskWarning *w = g_new0(WpAskWarning, 1);
    w->kind = kind;
    w->asks = asks;
    w->text = text;
    return w;
}

/* "#3, #5" */
static char *ids_text(const GArray *ids)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < ids->len; i++)
        g_string_append_printf(out, "%s#%" G_GINT64_FORMAT, i ? ", " : "",
                               g_array_index(ids, gint64, i));
    return g_string_free(out, FALSE);
}

/* "today", "yesterday", "12 days ago". */
static char *ago_text(gint64 days)
{
    return days == 0   ? g_strdup("today")
           : days == 1 ? g_strdup("yesterday")
                       : g_strdup_printf("%" G_GINT64_FORMAT " days ago", days);
}

/* A source who said no lately should not be asked again so soon, whoever asked them. */
static WpAskWarning *declined_warning(const WpAsk *declined, const char *name, WpDay day,
                                      guint recent_days)
{
    char on[11];
    wp_day_format(declined->state_on, on);
    GArray *ids = g_array_new(FALSE, FALSE, sizeof(gint64));
    g_array_append_val(ids, declined->id);
    g_autofree char *when = ago_text((gint64)day - declined->state_on);
    const WpLedgerPerson *t = &declined->target;
    char *text =
        g_strdup_printf("%s declined to introduce %s to %s %s (#%" G_GINT64_FORMAT
                        ", %s), within %u days: give them time before asking again",
                        name, declined->seller.name ? declined->seller.name : declined->seller.id,
                        t->name ? t->name : t->id, when, declined->id, on, recent_days);
    return warning_new(WP_ASK_WARNING_DECLINED, ids, text);
}

GPtrArray *wp_ask_source_warnings(const GPtrArray *asks, const char *source_id,
                                  const char *source_name, WpDay day, guint ask_cap,
                                  guint recent_days)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_warning_free);
    g_return_val_if_fail(asks != NULL && source_id != NULL, out);
    const char *name = source_name ? source_name : source_id;
    GArray *open = g_array_new(FALSE, FALSE, sizeof(gint64));
    const WpAsk *latest = NULL;
    const WpAsk *declined = NULL;
    for (guint i = 0; i < asks->len; i++) {
        const WpAsk *a = g_ptr_array_index(asks, i);
        if (a->kind != WP_ASK_KIND_REQUEST || g_strcmp0(a->source.id, source_id) != 0)
            continue;
        if (!wp_ask_state_is_final(a->state))
            g_array_append_val(open, a->id);
        if (a->asked_on <= day && (latest == NULL || a->asked_on >= latest->asked_on))
            latest = a;
        if (a->state == WP_ASK_DECLINED && a->state_on <= day &&
            (declined == NULL || a->state_on >= declined->state_on))
            declined = a;
    }
    if (ask_cap > 0 && open->len >= ask_cap) {
        g_autofree char *ids = ids_text(open);
        char *text = g_strdup_printf(
            "%s already has %u open %s (%s): protect the relationship; wait for an answer, or "
            "ask someone else",
            name, open->len, open->len == 1 ? "ask" : "asks", ids);
        g_ptr_array_add(out, warning_new(WP_ASK_WARNING_OPEN_ASKS, open, text));
    } else {
        g_array_unref(open);
    }
    gboolean declined_recently =
        recent_days > 0 && declined != NULL && (gint64)day - declined->state_on < recent_days;
    if (declined_recently)
        g_ptr_array_add(out, declined_warning(declined, name, day, recent_days));
    /* A recent ask that was declined is said once, as the refusal. */
    if (recent_days > 0 && latest != NULL && (gint64)day - latest->asked_on < recent_days &&
        !(declined_recently && latest == declined)) {
        char on[11];
        wp_day_format(latest->asked_on, on);
        GArray *ids = g_array_new(FALSE, FALSE, sizeof(gint64));
        g_array_append_val(ids, latest->id);
        g_autofree char *when = ago_text((gint64)day - latest->asked_on);
        char *text = g_strdup_printf("%s was last asked %s (#%" G_GINT64_FORMAT ", %s), within "
                                     "%u days: protect the relationship",
                                     name, when, latest->id, on, recent_days);
        g_ptr_array_add(out, warning_new(WP_ASK_WARNING_RECENT, ids, text));
    }
    return out;
}

static void add_warning(JsonBuilder *b, const WpAskWarning *w)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "kind");
    json_builder_add_string_value(b, wp_ask_warning_kind_name(w->kind));
    json_builder_set_member_name(b, "asks");
    json_builder_begin_array(b);
    for (guint i = 0; w->asks != NULL && i < w->asks->len; i++)
        json_builder_add_int_value(b, g_array_index(w->asks, gint64, i));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "text");
    json_builder_add_string_value(b, w->text);
    json_builder_end_object(b);
}

JsonNode *wp_ask_recorded_json(const WpAsk *ask, const WpAskProposal *proposal,
                               const GPtrArray *warnings)
{
    g_return_val_if_fail(ask != NULL, NULL);
    JsonNode *root = wp_ask_to_json(ask);
    JsonObject *o = json_node_get_object(root);
    json_object_set_boolean_member(o, "source_from_best_path",
                                   proposal != NULL && proposal->source_from_best_path);
    if (proposal != NULL && proposal->choice != NULL)
        json_object_set_string_member(o, "choice", proposal->choice);
    else
        json_object_set_null_member(o, "choice");
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_array(b);
    for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        add_warning(b, g_ptr_array_index(warnings, i));
    json_builder_end_array(b);
    json_object_set_member(o, "warnings", json_builder_get_root(b));
    return root;
}

static const char *person_text(const WpLedgerPerson *p)
{
    return p->name != NULL ? p->name : p->id;
}

static void append_person(GString *out, const WpLedgerPerson *p)
{
    g_string_append(out, person_text(p));
    if (p->company != NULL)
        g_string_append_printf(out, " (%s)", p->company);
}

static void append_event(GString *out, const WpAskEvent *e)
{
    char day[11];
    wp_day_format(e->day, day);
    g_string_append_printf(out, "  %s  %s", day, wp_ask_state_name(e->state));
    if (e->has_amount) {
        char amount[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append_printf(out, "  amount %s",
                               g_ascii_formatd(amount, sizeof amount, "%.2f", e->amount));
    }
    if (e->note != NULL)
        g_string_append_printf(out, "  \"%s\"", e->note);
    if (e->recorded_by != NULL)
        g_string_append_printf(out, "  (by %s)", e->recorded_by);
    g_string_append_c(out, '\n');
}

char *wp_ask_describe(const WpAsk *ask)
{
    g_return_val_if_fail(ask != NULL, NULL);
    GString *out = g_string_new(NULL);
    char since[11];
    wp_day_format(ask->state_on, since);
    g_string_append_printf(out, "Ask %" G_GINT64_FORMAT " (%s since %s): ", ask->id,
                           wp_ask_state_name(ask->state), since);
    append_person(out, &ask->seller);
    if (ask->kind == WP_ASK_KIND_GIVEN) {
        g_string_append(out, " introduced ");
        append_person(out, &ask->source);
        g_string_append(out, " to ");
    } else {
        g_string_append(out, " asked ");
        append_person(out, &ask->source);
        g_string_append(out, " for an introduction to ");
    }
    append_person(out, &ask->target);
    g_string_append(out, ".\n");
    if (ask->path != NULL) {
        g_autofree char *path = g_strjoinv(" > ", ask->path);
        g_string_append_printf(out, "Path: %s", path);
        if (ask->probability >= 0) {
            char prob[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append_printf(out, " (predicted probability %s)",
                                   g_ascii_formatd(prob, sizeof prob, "%.2f", ask->probability));
        }
        g_string_append_c(out, '\n');
    }
    for (guint i = 0; ask->events != NULL && i < ask->events->len; i++)
        append_event(out, g_ptr_array_index(ask->events, i));
    return g_string_free(out, FALSE);
}

char *wp_ask_describe_draft(const WpAsk *ask)
{
    g_return_val_if_fail(ask != NULL, NULL);
    if (ask->draft == NULL)
        return NULL;
    GString *out = g_string_new("Draft recorded with the ask:\n");
    g_auto(GStrv) lines = g_strsplit(ask->draft, "\n", -1);
    guint n = g_strv_length(lines);
    if (n > 0 && lines[n - 1][0] == '\0')
        n--; /* the text's final line end */
    for (guint i = 0; i < n; i++)
        g_string_append_printf(out, lines[i][0] ? "    %s\n" : "%s\n", lines[i]);
    return g_string_free(out, FALSE);
}

static const WpAskEvent *last_amount(const WpAsk *ask)
{
    for (guint i = ask->events ? ask->events->len : 0; i-- > 0;) {
        const WpAskEvent *e = g_ptr_array_index(ask->events, i);
        if (e->has_amount)
            return e;
    }
    return NULL;
}

WpTable *wp_ledger_asks_table(const GPtrArray *asks)
{
    WpTable *table = wp_table_new();
    static const char *const columns[] = {
        "id",     "kind",   "state",          "asked_on",    "state_on", "seller",
        "source", "target", "target_company", "probability", "amount"};
    for (guint c = 0; c < G_N_ELEMENTS(columns); c++)
        wp_table_add_column(table, columns[c],
                            c == 0 || c == G_N_ELEMENTS(columns) - 2 ||
                                c == G_N_ELEMENTS(columns) - 1);
    for (guint i = 0; asks != NULL && i < asks->len; i++) {
        const WpAsk *a = g_ptr_array_index(asks, i);
        char id[24], asked[11], state_on[11];
        char prob[G_ASCII_DTOSTR_BUF_SIZE] = "", amount[G_ASCII_DTOSTR_BUF_SIZE] = "";
        g_snprintf(id, sizeof id, "%" G_GINT64_FORMAT, a->id);
        wp_day_format(a->asked_on, asked);
        wp_day_format(a->state_on, state_on);
        if (a->probability >= 0)
            g_ascii_formatd(prob, sizeof prob, "%.3f", a->probability);
        const WpAskEvent *paid = last_amount(a);
        if (paid != NULL)
            g_ascii_formatd(amount, sizeof amount, "%.2f", paid->amount);
        const char *row[] = {id,
                             wp_ask_kind_name(a->kind),
                             wp_ask_state_name(a->state),
                             asked,
                             state_on,
                             person_text(&a->seller),
                             person_text(&a->source),
                             person_text(&a->target),
                             a->target.company,
                             prob,
                             amount};
        wp_table_add_row(table, row);
    }
    return table;
}

GPtrArray *wp_ledger_ask_warnings(const GPtrArray *asks, const WpAskProposal *proposal,
                                  const WpModel *model)
{
    const WpAskRequest *r = &proposal->request;
    GPtrArray *out =
        wp_ask_source_warnings(asks, r->source.id, r->source.name, r->day, wp_model_ask_cap(model),
                               wp_model_recent_ask_days(model));
    if (!proposal->has_path && r->kind == WP_ASK_KIND_REQUEST) {
        char *text = g_strdup_printf(
            "the network has no path from %s through %s to %s within the limits: the ask is "
            "recorded without a path or a predicted probability",
            person_text(&r->seller), person_text(&r->source), person_text(&r->target));
        g_ptr_array_add(out, warning_new(WP_ASK_WARNING_NO_PATH,
                                         g_array_new(FALSE, FALSE, sizeof(gint64)), text));
    }
    return out;
}
