#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"
#include "renderers/markup.hpp"
#include "renderers/templates.hpp"
#include "review/diff_renderers.hpp"
#include "review/items.hpp"
#include "review/word_diff.hpp"

namespace dutylist::review {
namespace {

// Escaped text with its line breaks (paragraphs of a cell) kept.
std::string html_text(const std::string& text) {
    std::string out;
    size_t start = 0;
    for (;;) {
        size_t end = text.find('\n', start);
        append_escaped(out, std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        out += "<br>";
        start = end + 1;
    }
    return out;
}

// One side of a changed cell: the words only this side has in <del> (old) or <ins> (new).
std::string html_spans(const std::vector<Span>& spans, Edit side) {
    std::string out;
    for (const auto& s : spans) {
        if (s.edit != Edit::same && s.edit != side) continue;
        const std::string text = html_text(s.text);
        if (s.edit == Edit::same) out += text;
        else out += (side == Edit::removed ? "<del>" : "<ins>") + text + (side == Edit::removed ? "</del>" : "</ins>");
    }
    return out;
}

struct Side {
    const DutyList* list = nullptr;
    int index = -1;  // -1: this side is blank
};

class ListTable {
public:
    ListTable(const DiffSubject& s, const ListDiff& d, bool all_rows)
        : old_list_(d.old_list >= 0 ? &s.old_doc.lists[static_cast<size_t>(d.old_list)] : nullptr),
          new_list_(d.new_list >= 0 ? &s.new_doc.lists[static_cast<size_t>(d.new_list)] : nullptr),
          d_(d), diff_(s.diff), all_rows_(all_rows) {
        for (const auto& c : d.changed)
            for (const auto& f : c.fields) spans_[c.new_index][f.key] = word_diff(f.old_text, f.new_text);
    }

    std::string render() {
        head();
        rows();
        return out_ + "</tbody></table>\n";
    }

private:
    size_t width(const DutyList* list) const { return list ? list->columns.size() : 1; }

    void head() {
        out_ += "<table class=\"diff\"><thead><tr>";
        out_ += fmt::format("<th colspan=\"{}\">原版本</th><td class=\"mark\"></td><th colspan=\"{}\">新版本</th></tr><tr>", width(old_list_), width(new_list_));
        auto labels = [&](const DutyList* list) {
            if (!list) out_ += "<th></th>";
            else
                for (const auto& c : list->columns) out_ += "<th>" + escape_markup(c.label) + "</th>";
        };
        labels(old_list_);
        out_ += "<td class=\"mark\"></td>";
        labels(new_list_);
        out_ += "</tr></thead><tbody>\n";
    }

    // changed: the word edits of this row's changed cells, by column key.
    void cells(const DutyList* list, int index, Edit side, const std::set<std::string>& differing, const std::map<std::string, std::vector<Span>>* changed) {
        if (!list || index < 0) {
            out_ += fmt::format("<td class=\"blank\" colspan=\"{}\"></td>", width(list));
            return;
        }
        const Item& item = list->items[static_cast<size_t>(index)];
        const char* side_class = side == Edit::removed ? "old" : "new";
        for (size_t c = 0; c < list->columns.size(); ++c) {
            const std::string& key = list->columns[c].key;
            const bool differs = differing.count(key) > 0;
            const std::vector<Span>* spans = nullptr;
            if (changed)
                if (auto it = changed->find(key); it != changed->end()) spans = &it->second;
            out_ += fmt::format("<td class=\"{}{}\">{}</td>", side_class, differs ? " differs" : "",
                                spans ? html_spans(*spans, side) : html_text(cell_text(*list, item, static_cast<int>(c))));
        }
    }

    void row(const char* kind, int old_index, const std::string& mark, int new_index, const std::set<std::string>& differing = {}) {
        if (!all_rows_ && std::string_view(kind) == "same") {
            ++skipped_;
            return;
        }
        skipped_rows();
        const auto changed = spans_.find(new_index);
        const auto* spans = std::string_view(kind) == "changed" && changed != spans_.end() ? &changed->second : nullptr;
        out_ += fmt::format("<tr class=\"{}\">", kind);
        cells(old_list_, old_index, Edit::removed, differing, spans);
        out_ += "<td class=\"mark\">" + escape_markup(mark) + "</td>";
        cells(new_list_, new_index, Edit::added, differing, spans);
        out_ += "</tr>\n";
    }

    // A run of unchanged rows left out, as one line that says how many.
    void skipped_rows() {
        if (!skipped_) return;
        out_ += fmt::format("<tr class=\"skipped\"><td colspan=\"{}\">… {} 项未调整 …</td></tr>\n", width(old_list_) + 1 + width(new_list_), skipped_);
        skipped_ = 0;
    }

    // Items of the old list that left it: removed here or moved to another list.
    std::map<int, std::string> departures() const {
        std::map<int, std::string> out;
        for (const auto& e : d_.removed) out[e.index] = "−";
        for (const auto& other : diff_.lists)
            for (const auto& m : other.moved)
                if (m.from_list == d_.old_list && d_.old_list >= 0) out[m.old_index] = "→ " + other.kind;
        return out;
    }

    void rows() {
        const auto leaving = departures();
        std::map<int, int> old_of_new;
        for (auto [o, n] : d_.kept) old_of_new[n] = o;
        std::map<int, std::set<std::string>> changed_keys;  // by new index
        for (const auto& c : d_.changed)
            for (const auto& f : c.fields) changed_keys[c.new_index].insert(f.key);
        for (const auto& c : d_.renumbered) changed_keys[c.new_index].insert("seq");
        std::map<int, std::string> arrivals;
        for (const auto& a : d_.added) arrivals[a.index] = "+";
        for (const auto& m : d_.moved) arrivals[m.new_index] = "← " + m.from;

        auto next_leaving = leaving.begin();
        auto flush_until = [&](int old_index) {
            for (; next_leaving != leaving.end() && next_leaving->first < old_index; ++next_leaving)
                row(next_leaving->second == "−" ? "removed" : "moved-out", next_leaving->first, next_leaving->second, -1);
        };
        const int new_count = new_list_ ? static_cast<int>(new_list_->items.size()) : 0;
        for (int n = 0; n < new_count; ++n) {
            if (auto it = old_of_new.find(n); it != old_of_new.end()) {
                flush_until(it->second);
                const auto& keys = changed_keys[n];
                bool changed = keys.size() > (keys.count("seq") ? 1u : 0u);
                row(changed ? "changed" : "same", it->second, changed ? "~" : "", n, keys);
            } else {
                auto a = arrivals.find(n);
                std::string mark = a == arrivals.end() ? "+" : a->second;
                row(mark == "+" ? "added" : "moved-in", -1, mark, n);
            }
        }
        flush_until(std::numeric_limits<int>::max());
        skipped_rows();
    }

    const DutyList* old_list_;
    const DutyList* new_list_;
    const ListDiff& d_;
    const DocumentDiff& diff_;
    const bool all_rows_;
    std::map<int, std::map<std::string, std::vector<Span>>> spans_;  // by new index
    size_t skipped_ = 0;
    std::string out_;
};

std::string summary(const DocumentDiff& diff) {
    if (diff.empty()) return _("两个版本相同 (no differences)");
    size_t added = 0, removed = 0, changed = 0, moved = 0, renumbered = 0;
    for (const auto& d : diff.lists) {
        added += d.added.size();
        removed += d.removed.size();
        changed += d.changed.size();
        moved += d.moved.size();
        renumbered += d.renumbered.size();
    }
    return fmt::format(fmt::runtime(_("删除 {0} 项 · 新增 {1} 项 · 移动 {2} 项 · 修改 {3} 项 · 重新编号 {4} 项 ({0} removed, {1} added, {2} moved, {3} changed, {4} renumbered)")),
                       removed, added, moved, changed, renumbered);
}

std::string columns_text(const std::vector<Column>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : "、") + c.label;
    return out;
}

}  // namespace

std::string diff_to_html(const DiffSubject& s, bool all_rows) {
    std::string metadata;
    if (!s.diff.metadata.empty()) {
        metadata = "<ul class=\"metadata\">";
        for (const auto& m : s.diff.metadata)
            metadata += fmt::format("<li>{}：{} → {}</li>", escape_markup(m.label), escape_markup(m.old_text), escape_markup(m.new_text));
        metadata += "</ul>";
    }
    std::string lists;
    for (const auto& d : s.diff.lists) {
        const std::string& title = d.new_list >= 0 ? d.new_title : d.old_title;
        lists += fmt::format("<h2>{}</h2>\n", escape_markup(title.empty() ? d.kind : title));
        std::string notes;
        if (d.old_list < 0) notes += _("新增清单 (new list). ");
        if (d.new_list < 0) notes += _("清单已删除 (list dropped). ");
        if (d.old_list >= 0 && d.new_list >= 0) {
            if (!d.columns_added.empty()) notes += fmt::format(fmt::runtime(_("新增列 (columns added): {}. ")), columns_text(d.columns_added));
            if (!d.columns_removed.empty()) notes += fmt::format(fmt::runtime(_("删除列 (columns removed): {}. ")), columns_text(d.columns_removed));
            if (comparable_text(d.old_title) != comparable_text(d.new_title)) notes += fmt::format(fmt::runtime(_("原标题 (title was): {}. ")), d.old_title);
        }
        if (!notes.empty()) lists += "<p class=\"list-notes\">" + escape_markup(notes) + "</p>\n";
        if (d.empty() && !all_rows) lists += std::string("<p class=\"list-notes\">") + _("无调整 (no changes).") + "</p>\n";
        else lists += ListTable(s, d, all_rows).render();
    }
    const std::string title = "清单修订对照 " + s.old_name + " → " + s.new_name;
    auto version = [](const Document& doc, const std::string& name) {
        std::string v = name;
        if (!doc.title.empty()) v += "  " + doc.title;
        if (!doc.date.empty()) v += " (" + doc.date + ")";
        return v;
    };
    return fill_template(template_file("diff/diff.html"),
                {{"title", escape_markup(title)},
                 {"versions", "原版本 " + escape_markup(version(s.old_doc, s.old_name)) + "<br>新版本 " + escape_markup(version(s.new_doc, s.new_name))},
                 {"summary", escape_markup(summary(s.diff))},
                 {"metadata", metadata},
                 {"lists", lists}});
}

}  // namespace dutylist::review
