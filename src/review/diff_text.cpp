#include <optional>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "review/diff_renderers.hpp"
#include "review/items.hpp"
#include "review/word_diff.hpp"

namespace dutylist::review {
namespace {

std::optional<long> number(const std::string& seq) {
    if (seq.empty() || seq.size() > 9 || seq.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stol(seq);
}

// Renumbered items as runs that shift together: "6–20 → 5–19, 22 → 20".
std::string renumbering_ranges(const std::vector<ItemChange>& renumbered) {
    std::string out;
    for (size_t i = 0; i < renumbered.size();) {
        size_t j = i + 1;
        auto o = number(renumbered[i].old_seq), n = number(renumbered[i].new_seq);
        while (o && n && j < renumbered.size()) {
            auto oj = number(renumbered[j].old_seq), nj = number(renumbered[j].new_seq);
            if (!oj || !nj || *oj != *o + static_cast<long>(j - i) || *nj != *n + static_cast<long>(j - i)) break;
            ++j;
        }
        if (!out.empty()) out += ", ";
        if (j - i == 1) out += fmt::format("{} → {}", renumbered[i].old_seq, renumbered[i].new_seq);
        else out += fmt::format("{}–{} → {}–{}", renumbered[i].old_seq, renumbered[j - 1].old_seq, renumbered[i].new_seq, renumbered[j - 1].new_seq);
        i = j;
    }
    return out;
}

std::string indented(const std::string& text, const std::string& indent) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

// Each field in git's --word-diff=plain markup, its paragraphs on lines of their own.
void append_fields(std::string& out, const std::vector<FieldChange>& fields, const std::string& indent) {
    const std::string inner = indent + "    ";
    for (const auto& f : fields) {
        out += fmt::format("{}{}:\n", indent, f.label);
        out += fmt::format("{}{}\n", inner, indented(word_diff_markup(word_diff(f.old_text, f.new_text)), inner));
    }
}

std::string columns_text(const std::vector<Column>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c.label;
    return out;
}

std::string describe(const Document& doc, const std::string& name) {
    std::string what = doc.title;
    if (!doc.date.empty()) what += (what.empty() ? "" : " ") + fmt::format("({})", doc.date);
    return what.empty() ? name : name + "  " + what;
}

}  // namespace

std::string diff_to_text(const DiffSubject& s) {
    std::string out = fmt::format("--- {}\n+++ {}\n", describe(s.old_doc, s.old_name), describe(s.new_doc, s.new_name));
    for (const auto& m : s.diff.metadata) out += fmt::format("{}: {} → {}\n", m.label, m.old_text, m.new_text);
    size_t added = 0, removed = 0, changed = 0, moved = 0, renumbered = 0;
    for (const auto& d : s.diff.lists) {
        const std::string& title = d.new_list >= 0 ? d.new_title : d.old_title;
        out += fmt::format("\n{}  {}\n", d.kind, title);
        if (d.old_list < 0) out += _("  new list\n");
        if (d.new_list < 0) out += _("  list dropped\n");
        if (d.old_list >= 0 && d.new_list >= 0 && comparable_text(d.old_title) != comparable_text(d.new_title)) out += fmt::format(fmt::runtime(_("  title was: {}\n")), d.old_title);
        if (d.empty()) out += _("  no changes\n");
        if (!d.columns_added.empty() && d.old_list >= 0) out += fmt::format(fmt::runtime(_("  columns added: {}\n")), columns_text(d.columns_added));
        if (!d.columns_removed.empty() && d.new_list >= 0) out += fmt::format(fmt::runtime(_("  columns removed: {}\n")), columns_text(d.columns_removed));
        for (const auto& e : d.removed) out += fmt::format(fmt::runtime(_("  - removed  序号 {}  {}\n")), e.seq, e.name);
        for (const auto& e : d.added) out += fmt::format(fmt::runtime(_("  + added    序号 {}  {}\n")), e.seq, e.name);
        for (const auto& c : d.moved) {
            out += fmt::format(fmt::runtime(_("  > moved    from {} 序号 {} to 序号 {}  {}\n")), c.from, c.old_seq, c.new_seq, c.name);
            append_fields(out, c.fields, "      ");
        }
        for (const auto& c : d.changed) {
            std::string seq = c.old_seq == c.new_seq ? c.new_seq : c.old_seq + " → " + c.new_seq;
            out += fmt::format(fmt::runtime(_("  ~ changed  序号 {}  {}\n")), seq, c.name);
            append_fields(out, c.fields, "      ");
        }
        if (!d.renumbered.empty())
            out += fmt::format(fmt::runtime(d.renumbered.size() == 1 ? _("  # renumbered {} item: 序号 {}\n") : _("  # renumbered {} items: 序号 {}\n")),
                              d.renumbered.size(), renumbering_ranges(d.renumbered));
        added += d.added.size();
        removed += d.removed.size();
        changed += d.changed.size();
        moved += d.moved.size();
        renumbered += d.renumbered.size();
    }
    if (s.diff.empty()) out += _("\nno differences\n");
    else out += fmt::format(fmt::runtime(_("\n{} removed, {} added, {} moved, {} changed, {} renumbered\n")), removed, added, moved, changed, renumbered);
    return out;
}

}  // namespace dutylist::review
