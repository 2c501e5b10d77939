#include "review/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string_view>

#include "model/text.hpp"
#include "renderers/list_names.hpp"
#include "review/items.hpp"

namespace dutylist::review {
namespace {

// Two names this alike (Dice coefficient of character pairs) are one item reworded.
constexpr double reworded_name_similarity = 0.6;
// A name changed more than that still matches when every other cell agrees, provided some
// cell beyond 序号, 事项名称 and 事项类别 (shared by many items) holds text.
constexpr double rewritten_name_similarity = 0.35;
// In the same list and between the same neighbours (the items around it matched by name), a
// name this alike is the item renamed: a short name with two characters changed loses half
// of its character pairs.
constexpr double neighbour_name_similarity = 0.4;

// The adjacent character pairs of a text, sorted: what name similarity is computed on.
std::vector<uint64_t> character_pairs(std::string_view s) {
    std::vector<uint64_t> out;
    char32_t previous = 0;
    for (size_t i = 0; i < s.size();) {
        char32_t cp = next_code_point(s, i);
        if (previous) out.push_back(static_cast<uint64_t>(previous) << 32 | cp);
        previous = cp;
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Ref {
    int list = 0;
    int index = 0;
    std::string name;  // comparable
    std::vector<uint64_t> pairs;
};

// Dice coefficient of the character pairs of two names: 1 for equal names, 0 for none shared.
double similarity(const Ref& a, const Ref& b) {
    if (a.name.empty() || b.name.empty()) return 0.0;
    if (a.name == b.name) return 1.0;
    const auto& px = a.pairs;
    const auto& py = b.pairs;
    if (px.empty() || py.empty()) return 0.0;
    size_t common = 0;
    for (size_t i = 0, j = 0; i < px.size() && j < py.size();) {
        if (px[i] == py[j]) ++common, ++i, ++j;
        else if (px[i] < py[j]) ++i;
        else ++j;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(px.size() + py.size());
}

// Column keys of both lists in the new list's order, then the old list's other keys.
std::vector<std::string> union_keys(const DutyList& a, const DutyList& b) {
    std::vector<std::string> keys;
    for (const auto& c : b.columns) keys.push_back(c.key);
    for (const auto& c : a.columns)
        if (std::find(keys.begin(), keys.end(), c.key) == keys.end()) keys.push_back(c.key);
    return keys;
}

std::string label_of(const DutyList& a, const DutyList& b, const std::string& key) {
    if (int c = column_index(b, key); c >= 0) return b.columns[static_cast<size_t>(c)].label;
    if (int c = column_index(a, key); c >= 0) return a.columns[static_cast<size_t>(c)].label;
    return key;
}

std::vector<FieldChange> field_changes(const DutyList& old_list, const Item& old_item, const DutyList& new_list, const Item& new_item) {
    std::vector<FieldChange> out;
    for (const auto& key : union_keys(old_list, new_list)) {
        if (key == "seq") continue;
        std::string before = cell_text(old_list, old_item, key), after = cell_text(new_list, new_item, key);
        if (comparable_text(before) != comparable_text(after))
            out.push_back({key, label_of(old_list, new_list, key), std::move(before), std::move(after)});
    }
    return out;
}

// How far the cells beyond the name agree: the share of cells, among those with text in
// either version, that are equal; nullopt when no distinctive cell has text.
std::optional<double> other_cells_agreement(const DutyList& old_list, const Item& old_item, const DutyList& new_list, const Item& new_item) {
    int compared = 0, equal = 0;
    for (const auto& key : union_keys(old_list, new_list)) {
        if (key == "seq" || key == "name" || key == "category") continue;
        std::string before = comparable_text(cell_text(old_list, old_item, key));
        std::string after = comparable_text(cell_text(new_list, new_item, key));
        if (before.empty() && after.empty()) continue;
        ++compared;
        if (before == after) ++equal;
    }
    if (!compared) return std::nullopt;
    return static_cast<double>(equal) / compared;
}

ItemEntry entry(const DutyList& list, int index) {
    const Item& item = list.items[static_cast<size_t>(index)];
    ItemEntry e{index, item_seq(list, item), trim(item_name(list, item)), {}};
    for (size_t c = 0; c < list.columns.size(); ++c)
        e.fields.push_back({list.columns[c].key, list.columns[c].label, cell_text(list, item, static_cast<int>(c))});
    return e;
}

// Old list i goes with the new list of the same kind (other lists: the same title), in order.
std::vector<int> pair_lists(const Document& old_doc, const Document& new_doc) {
    std::vector<int> partner(old_doc.lists.size(), -1);
    std::vector<bool> taken(new_doc.lists.size(), false);
    for (int pass = 0; pass < 2; ++pass)
        for (size_t o = 0; o < old_doc.lists.size(); ++o) {
            if (partner[o] >= 0) continue;
            const DutyList& ol = old_doc.lists[o];
            for (size_t n = 0; n < new_doc.lists.size(); ++n) {
                const DutyList& nl = new_doc.lists[n];
                bool same = ol.kind == nl.kind && (ol.kind != ListKind::other || pass == 1 || comparable_text(ol.title) == comparable_text(nl.title));
                if (!taken[n] && same) {
                    partner[o] = static_cast<int>(n);
                    taken[n] = true;
                    break;
                }
            }
        }
    return partner;
}

std::vector<Ref> refs(const Document& doc) {
    std::vector<Ref> out;
    for (size_t l = 0; l < doc.lists.size(); ++l)
        for (size_t i = 0; i < doc.lists[l].items.size(); ++i) {
            std::string name = comparable_text(item_name(doc.lists[l], doc.lists[l].items[i]));
            std::vector<uint64_t> pairs = character_pairs(name);
            out.push_back({static_cast<int>(l), static_cast<int>(i), std::move(name), std::move(pairs)});
        }
    return out;
}

class Matcher {
public:
    Matcher(const Document& o, const Document& n, const std::vector<int>& partner)
        : old_doc_(o), new_doc_(n), partner_(partner), old_(refs(o)), new_(refs(n)), match_(old_.size(), -1), taken_(new_.size(), false) {}

    // For each old item (in refs order), the index of its new item in new_refs(), or -1.
    std::vector<int> run() {
        match_equal_names();
        gaps_ = neighbourhoods();
        match_reworded();
        return match_;
    }
    const std::vector<Ref>& old_refs() const { return old_; }
    const std::vector<Ref>& new_refs() const { return new_; }

private:
    const Item& old_item(const Ref& r) const { return old_doc_.lists[static_cast<size_t>(r.list)].items[static_cast<size_t>(r.index)]; }
    const Item& new_item(const Ref& r) const { return new_doc_.lists[static_cast<size_t>(r.list)].items[static_cast<size_t>(r.index)]; }
    const DutyList& old_list(const Ref& r) const { return old_doc_.lists[static_cast<size_t>(r.list)]; }
    const DutyList& new_list(const Ref& r) const { return new_doc_.lists[static_cast<size_t>(r.list)]; }
    bool same_list(const Ref& o, const Ref& n) const { return partner_[static_cast<size_t>(o.list)] == n.list; }

    void take(size_t o, size_t n) {
        match_[o] = static_cast<int>(n);
        taken_[n] = true;
    }

    // Same name: prefer the same list, then the item whose other cells differ least.
    void match_equal_names() {
        std::multimap<std::string, size_t> by_name;
        for (size_t n = 0; n < new_.size(); ++n) by_name.emplace(new_[n].name, n);
        for (size_t o = 0; o < old_.size(); ++o) {
            if (old_[o].name.empty()) continue;
            std::optional<size_t> best;
            std::pair<bool, size_t> best_key{false, 0};
            auto [first, last] = by_name.equal_range(old_[o].name);
            for (auto it = first; it != last; ++it) {
                size_t n = it->second;
                if (taken_[n]) continue;
                size_t differences = field_changes(old_list(old_[o]), old_item(old_[o]), new_list(new_[n]), new_item(new_[n])).size();
                std::pair<bool, size_t> key{same_list(old_[o], new_[n]), std::numeric_limits<size_t>::max() - differences};
                if (!best || key > best_key) best = n, best_key = key;
            }
            if (best) take(o, *best);
        }
    }

    // For each old item, the new indices of the same-list matches of its neighbours, before and
    // after it (-1 and INT_MAX when it has none on that side): the gap it was in.
    std::vector<std::pair<int, int>> neighbourhoods() const {
        std::vector<std::pair<int, int>> out(old_.size(), {-1, std::numeric_limits<int>::max()});
        auto anchor = [&](size_t o) { return match_[o] >= 0 && same_list(old_[o], new_[static_cast<size_t>(match_[o])]); };
        for (size_t o = 0; o < old_.size(); ++o)
            if (o > 0 && old_[o - 1].list == old_[o].list)
                out[o].first = anchor(o - 1) ? new_[static_cast<size_t>(match_[o - 1])].index : out[o - 1].first;
        for (size_t o = old_.size(); o-- > 1;)
            if (old_[o - 1].list == old_[o].list)
                out[o - 1].second = anchor(o) ? new_[static_cast<size_t>(match_[o])].index : out[o].second;
        return out;
    }
    bool same_neighbourhood(size_t o, size_t n) const {
        return same_list(old_[o], new_[n]) && new_[n].index > gaps_[o].first && new_[n].index < gaps_[o].second;
    }

    // Names that differ: the most alike pairs first.
    void match_reworded() {
        struct Candidate {
            double score;
            size_t o, n;
        };
        std::vector<Candidate> candidates;
        for (size_t o = 0; o < old_.size(); ++o) {
            if (match_[o] >= 0) continue;
            for (size_t n = 0; n < new_.size(); ++n) {
                if (taken_[n]) continue;
                double names = similarity(old_[o], new_[n]);
                if (names < std::min(rewritten_name_similarity, neighbour_name_similarity)) continue;
                auto others = other_cells_agreement(old_list(old_[o]), old_item(old_[o]), new_list(new_[n]), new_item(new_[n]));
                bool alike = names >= reworded_name_similarity || (names >= rewritten_name_similarity && others && *others == 1.0) ||
                             (names >= neighbour_name_similarity && same_neighbourhood(o, n));
                if (!alike) continue;
                double score = names + 0.5 * others.value_or(0.0) + (same_list(old_[o], new_[n]) ? 0.1 : 0.0);
                candidates.push_back({score, o, n});
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        for (const auto& c : candidates)
            if (match_[c.o] < 0 && !taken_[c.n]) take(c.o, c.n);
    }

    const Document& old_doc_;
    const Document& new_doc_;
    const std::vector<int>& partner_;
    std::vector<Ref> old_, new_;
    std::vector<int> match_;
    std::vector<bool> taken_;
    std::vector<std::pair<int, int>> gaps_;
};

std::vector<FieldChange> metadata_changes(const Document& o, const Document& n) {
    std::vector<FieldChange> out;
    auto compare = [&](const char* key, const char* label, const std::string& before, const std::string& after) {
        if (comparable_text(before) != comparable_text(after)) out.push_back({key, label, before, after});
    };
    compare("issuer", "发布单位", o.issuer, n.issuer);
    compare("title", "标题", o.title, n.title);
    compare("date", "日期", o.date, n.date);
    return out;
}

std::vector<Column> columns_missing_from(const DutyList& list, const DutyList& other) {
    std::vector<Column> out;
    for (const auto& c : list.columns)
        if (column_index(other, c.key) < 0) out.push_back(c);
    return out;
}

// Positions (into `values`) of a longest strictly increasing subsequence, O(n log n).
std::vector<bool> longest_increasing(const std::vector<int>& values) {
    std::vector<size_t> tails;  // tails[k]: the position ending the best run of length k + 1
    std::vector<size_t> before(values.size(), SIZE_MAX);
    for (size_t i = 0; i < values.size(); ++i) {
        auto at = std::lower_bound(tails.begin(), tails.end(), values[i], [&](size_t t, int v) { return values[t] < v; });
        if (at != tails.begin()) before[i] = *(at - 1);
        if (at == tails.end()) tails.push_back(i);
        else *at = i;
    }
    std::vector<bool> out(values.size(), false);
    for (size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = before[i]) out[i] = true;
    return out;
}

// Items kept in a list whose order changed: those off the longest run that keeps its order
// were moved within the list, and are reported as moved (from this list) rather than kept.
void separate_reordered(ListDiff& d, const DutyList& ol, const DutyList& nl) {
    std::vector<int> new_positions;
    for (auto [o, n] : d.kept) new_positions.push_back(n);
    const std::vector<bool> in_order = longest_increasing(new_positions);
    std::vector<std::pair<int, int>> kept;
    for (size_t k = 0; k < d.kept.size(); ++k) {
        const auto [o, n] = d.kept[k];
        if (in_order[k]) {
            kept.emplace_back(o, n);
            continue;
        }
        const Item& oi = ol.items[static_cast<size_t>(o)];
        const Item& ni = nl.items[static_cast<size_t>(n)];
        d.moved.push_back({o, n, item_seq(ol, oi), item_seq(nl, ni), trim(item_name(nl, ni)), d.kind, d.old_list, field_changes(ol, oi, nl, ni)});
        auto same_item = [new_index = n](const ItemChange& c) { return c.new_index == new_index; };  // clang 14 cannot capture a binding
        std::erase_if(d.changed, same_item);
        std::erase_if(d.renumbered, same_item);
    }
    d.kept = std::move(kept);
}

}  // namespace

bool ListDiff::empty() const {
    return comparable_text(old_title) == comparable_text(new_title) && old_list >= 0 && new_list >= 0 && columns_added.empty() &&
           columns_removed.empty() && added.empty() && removed.empty() && changed.empty() && moved.empty() && renumbered.empty();
}

bool DocumentDiff::empty() const {
    return metadata.empty() && std::all_of(lists.begin(), lists.end(), [](const ListDiff& l) { return l.empty(); });
}

DocumentDiff diff_documents(const Document& old_doc, const Document& new_doc) {
    const std::vector<int> partner = pair_lists(old_doc, new_doc);
    const std::vector<std::string> old_names = list_names(old_doc), new_names = list_names(new_doc);
    DocumentDiff diff;
    diff.metadata = metadata_changes(old_doc, new_doc);

    std::vector<int> diff_of_new(new_doc.lists.size(), -1), diff_of_old(old_doc.lists.size(), -1);
    for (size_t n = 0; n < new_doc.lists.size(); ++n) {
        ListDiff d;
        d.kind = new_names[n];
        d.new_list = static_cast<int>(n);
        d.new_title = new_doc.lists[n].title;
        diff_of_new[n] = static_cast<int>(diff.lists.size());
        diff.lists.push_back(std::move(d));
    }
    for (size_t o = 0; o < old_doc.lists.size(); ++o) {
        const DutyList& ol = old_doc.lists[o];
        if (partner[o] >= 0) {
            ListDiff& d = diff.lists[static_cast<size_t>(diff_of_new[static_cast<size_t>(partner[o])])];
            const DutyList& nl = new_doc.lists[static_cast<size_t>(partner[o])];
            d.old_list = static_cast<int>(o);
            d.old_title = ol.title;
            d.columns_added = columns_missing_from(nl, ol);
            d.columns_removed = columns_missing_from(ol, nl);
            diff_of_old[o] = diff_of_new[static_cast<size_t>(partner[o])];
        } else {
            ListDiff d;
            d.kind = old_names[o];
            d.old_list = static_cast<int>(o);
            d.old_title = ol.title;
            diff_of_old[o] = static_cast<int>(diff.lists.size());
            diff.lists.push_back(std::move(d));
        }
    }
    for (auto& d : diff.lists)
        if (d.old_list < 0) d.columns_added = new_doc.lists[static_cast<size_t>(d.new_list)].columns;
        else if (d.new_list < 0) d.columns_removed = old_doc.lists[static_cast<size_t>(d.old_list)].columns;

    Matcher matcher(old_doc, new_doc, partner);
    const std::vector<int> match = matcher.run();
    const auto& olds = matcher.old_refs();
    const auto& news = matcher.new_refs();
    std::vector<bool> new_matched(news.size(), false);
    for (size_t o = 0; o < olds.size(); ++o) {
        const Ref& orf = olds[o];
        const DutyList& ol = old_doc.lists[static_cast<size_t>(orf.list)];
        if (match[o] < 0) {
            diff.lists[static_cast<size_t>(diff_of_old[static_cast<size_t>(orf.list)])].removed.push_back(entry(ol, orf.index));
            continue;
        }
        new_matched[static_cast<size_t>(match[o])] = true;
        const Ref& nrf = news[static_cast<size_t>(match[o])];
        const DutyList& nl = new_doc.lists[static_cast<size_t>(nrf.list)];
        const Item& oi = ol.items[static_cast<size_t>(orf.index)];
        const Item& ni = nl.items[static_cast<size_t>(nrf.index)];
        ItemChange change{orf.index, nrf.index, item_seq(ol, oi), item_seq(nl, ni), trim(item_name(nl, ni)), "", -1, field_changes(ol, oi, nl, ni)};
        ListDiff& d = diff.lists[static_cast<size_t>(diff_of_new[static_cast<size_t>(nrf.list)])];
        if (partner[static_cast<size_t>(orf.list)] != nrf.list) {
            change.from = old_names[static_cast<size_t>(orf.list)];
            change.from_list = orf.list;
            d.moved.push_back(std::move(change));
            continue;
        }
        d.kept.emplace_back(change.old_index, change.new_index);
        if (change.old_seq != change.new_seq)
            d.renumbered.push_back({change.old_index, change.new_index, change.old_seq, change.new_seq, change.name, "", -1, {}});
        if (!change.fields.empty()) d.changed.push_back(std::move(change));
    }
    for (size_t n = 0; n < news.size(); ++n)
        if (!new_matched[n])
            diff.lists[static_cast<size_t>(diff_of_new[static_cast<size_t>(news[n].list)])].added.push_back(entry(new_doc.lists[static_cast<size_t>(news[n].list)], news[n].index));

    auto by_new = [](const ItemChange& a, const ItemChange& b) { return a.new_index < b.new_index; };
    for (auto& d : diff.lists) {
        if (d.old_list >= 0 && d.new_list >= 0)
            separate_reordered(d, old_doc.lists[static_cast<size_t>(d.old_list)], new_doc.lists[static_cast<size_t>(d.new_list)]);
        std::stable_sort(d.changed.begin(), d.changed.end(), by_new);
        std::stable_sort(d.moved.begin(), d.moved.end(), by_new);
        std::stable_sort(d.renumbered.begin(), d.renumbered.end(), by_new);
    }
    return diff;
}

}  // namespace dutylist::review
